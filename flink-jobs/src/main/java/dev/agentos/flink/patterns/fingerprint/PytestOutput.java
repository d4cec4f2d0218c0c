package dev.agentos.flink.patterns.fingerprint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads pytest's failure report: the first failure's section ({@code ____ test_name ____}) with its
 * {@code E} lines and {@code path:line: ExceptionType} ending, in the long or short traceback
 * style; or, when the report was cut (e.g. {@code --tb=no}), the first {@code FAILED} line of the
 * short test summary.
 */
final class PytestOutput {

  private static final Pattern MARKS =
      Pattern.compile(
          "(?m)^=++ (?:FAILURES|ERRORS|test session starts|short test summary info) =++$"
              + "|^(?:FAILED|ERROR) [^\\s:]{1,2048}+\\.py::");
  private static final Pattern SECTION = Pattern.compile("^_{3,}+ (.{1,500}?) _{3,}+$");
  private static final Pattern RULE = Pattern.compile("^={3,}+");
  private static final Pattern E_LINE = Pattern.compile("^E {1,40}+(\\S.*)$");
  private static final Pattern TYPED_LOCATION =
      Pattern.compile("^[^\\s:]{1,2048}+:\\d++: ([A-Za-z_][\\w.]{0,300}+)$");
  private static final Pattern SHORT_FRAME =
      Pattern.compile("^[^\\s:]{1,2048}+:\\d++: in (\\S{1,300}+)$");
  private static final Pattern DEF = Pattern.compile("^\\s++(?:async\\s++)?def\\s++(\\w{1,300}+)");
  private static final Pattern SUMMARY =
      Pattern.compile("^(?:FAILED|ERROR) (\\S{1,2048}+)(?: - (.*))?$");
  private static final Pattern TYPED_MESSAGE =
      Pattern.compile("^([A-Za-z_][\\w.]{0,300}+): ?+(.*)$");
  private static final Pattern PARAMETERS = Pattern.compile("\\[.*$");

  private PytestOutput() {}

  static boolean recognises(String text) {
    return MARKS.matcher(text).find();
  }

  static Optional<ParsedError> parse(List<String> lines) {
    Optional<ParsedError> section = firstFailureSection(lines);
    return section.isPresent() ? section : firstSummaryLine(lines);
  }

  private static Optional<ParsedError> firstFailureSection(List<String> lines) {
    int start = indexOfSection(lines);
    if (start < 0) {
      return Optional.empty();
    }
    String test = SECTION.matcher(lines.get(start)).replaceFirst("$1");
    String errorLine = null;
    String locationType = null;
    List<String> frames = new ArrayList<>();
    for (int i = start + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (SECTION.matcher(line).matches() || RULE.matcher(line).lookingAt()) {
        break;
      }
      Matcher e = E_LINE.matcher(line);
      Matcher typed = TYPED_LOCATION.matcher(line);
      Matcher shortFrame = SHORT_FRAME.matcher(line);
      Matcher def = DEF.matcher(line);
      if (e.matches() && errorLine == null) {
        errorLine = line;
      } else if (typed.matches()) {
        locationType = typed.group(1);
      } else if (shortFrame.matches()) {
        frames.add(shortFrame.group(1));
      } else if (def.lookingAt()) {
        frames.add(def.group(1));
      }
    }
    if (errorLine == null) {
      return Optional.empty();
    }
    String message = E_LINE.matcher(errorLine).replaceFirst("$1");
    Collections.reverse(frames);
    List<String> innermostFirst = frames.isEmpty() ? List.of(testName(test)) : frames;
    return Optional.of(
        typed(locationType, message, Frames.top(innermostFirst, f -> false), errorLine));
  }

  private static Optional<ParsedError> firstSummaryLine(List<String> lines) {
    for (String line : lines) {
      Matcher summary = SUMMARY.matcher(line);
      if (summary.matches()) {
        String id = summary.group(1);
        int nameAt = id.lastIndexOf("::");
        String test = testName(nameAt < 0 ? id : id.substring(nameAt + 2));
        String message = summary.group(2) == null ? "" : summary.group(2);
        return Optional.of(typed(null, message, List.of(test), line));
      }
    }
    return Optional.empty();
  }

  /**
   * The error's type: the one pytest names after the failing line, else the one the message starts
   * with ({@code KeyError: 'x'}); a bare {@code assert ...} failed with an {@code AssertionError}.
   */
  private static ParsedError typed(
      String locationType, String message, List<String> frames, String excerpt) {
    Matcher typedMessage = TYPED_MESSAGE.matcher(message);
    if (typedMessage.matches()) {
      String type = locationType == null ? typedMessage.group(1) : locationType;
      String rest = typedMessage.group(1).equals(type) ? typedMessage.group(2) : message;
      return new ParsedError(type, rest, frames, excerpt);
    }
    String type =
        locationType == null && message.startsWith("assert ") ? "AssertionError" : locationType;
    return new ParsedError(type, message, frames, excerpt);
  }

  private static int indexOfSection(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (SECTION.matcher(lines.get(i)).matches()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A test's name without its parameters: {@code test_add[1-2]} and {@code test_add[3-4]} match.
   */
  private static String testName(String test) {
    return PARAMETERS.matcher(test).replaceFirst("");
  }
}
