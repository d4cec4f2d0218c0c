package dev.agentos.flink.patterns.fingerprint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an error no language parser could read (a shell error, a tool call's error message, a build
 * tool's complaint) from its first error-like line, or else its first line that is not noise.
 */
final class GenericParser {

  private static final Pattern ERROR_WORD =
      Pattern.compile(
          "(?i:\\b(?:errors?|exception|fail(?:ed|ure)?|fatal|panic|denied|refused|not found|no such"
              + "|cannot|can't|could not|unable|invalid|unexpected|timed out|timeout|abort(?:ed)?"
              + "|killed|segmentation fault|undefined|forbidden|unauthori[sz]ed|not permitted)\\b)"
              + "|\\b[A-Z]\\w{0,100}?(?:Error|Exception)\\b");

  /** A named error type, e.g. {@code FileNotFoundException} or {@code java.io.IOException}. */
  private static final Pattern TYPE_NAME =
      Pattern.compile(
          "\\b(?:[a-z_][\\w$]{0,100}+\\.){0,20}+[A-Z][\\w$]{0,100}?(?:Error|Exception)\\b");

  /**
   * A severity prefix in any case, e.g. {@code error: ...}, {@code fatal: ...}, {@code ERROR: ...}.
   */
  private static final Pattern SEVERITY_PREFIX =
      Pattern.compile("^(?i)(error|fatal|panic)(\\[[\\w-]{1,40}+\\])?:\\s*+(.*)$");

  private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z]{1,5}>");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
  private static final Pattern CHATTER = Pattern.compile("^\\W*+(?:INFO|DEBUG|TRACE)\\b");

  private GenericParser() {}

  static Optional<ParsedError> parse(List<String> lines) {
    String firstMeaningful = null;
    for (String line : lines) {
      // Masking is the costly check, so it runs only on error lines and until a meaningful line.
      boolean errorLine = ERROR_WORD.matcher(line).find();
      if (errorLine && !isNoise(line)) {
        return Optional.of(read(line));
      }
      if (firstMeaningful == null && !errorLine && !isNoise(line)) {
        firstMeaningful = line;
      }
    }
    return Optional.ofNullable(firstMeaningful).map(GenericParser::read);
  }

  private static ParsedError read(String line) {
    String text = line.strip();
    Matcher type = TYPE_NAME.matcher(text);
    if (type.find()) {
      String rest = text.substring(type.end());
      String message = rest.startsWith(":") ? rest.substring(1) : text;
      return new ParsedError(type.group(), message, List.of(), line);
    }
    Matcher severity = SEVERITY_PREFIX.matcher(text);
    if (severity.matches()) {
      String code = severity.group(2) == null ? "" : severity.group(2);
      String errorType = severity.group(1).toLowerCase(Locale.ROOT) + code;
      return new ParsedError(errorType, severity.group(3), List.of(), line);
    }
    return new ParsedError(null, text, List.of(), line);
  }

  /**
   * A line is noise when, with run-specific values masked, no word is left (blank lines, rules,
   * bare numbers, paths, timestamps), or when it is informational log chatter.
   */
  static boolean isNoise(String line) {
    if (!WORD.matcher(line).find()) {
      return true; // nothing masking could leave a word in
    }
    String words = PLACEHOLDER.matcher(Masker.mask(line)).replaceAll(" ");
    return !WORD.matcher(words).find() || CHATTER.matcher(words).find();
  }
}
