package dev.agentos.flink.patterns.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Node.js errors: an uncaught error's stack ({@code TypeError: ...} then {@code at fn
 * (file:line:col)} lines) and a node:test failure, which prints the same stack indented under the
 * failing test. The error line is the nearest line above the first frame that names an error type;
 * node:test and assertion errors put the message's detail lines in between.
 */
final class NodeParser implements ErrorParser {

  private static final Pattern NAMED_FRAME =
      Pattern.compile("^\\s++at (?:async )?([^()]{1,500}?) \\(([^()]{0,2048}+)\\)(?: \\{)?$");
  private static final Pattern ANONYMOUS_FRAME =
      Pattern.compile("^\\s++at (?:async )?([^\\s()]{1,2048}+)(?: \\{)?$");
  private static final Pattern MARKS =
      Pattern.compile(
          "(?m)^[ \\t]++at (?:async )?[^()\\n]{1,500}? \\([^()\\n]{0,2048}:\\d{1,9}:\\d{1,9}\\)"
              + "|^[ \\t]++at (?:async )?[^\\s()]{1,2048}:\\d{1,9}:\\d{1,9}$"
              + "|^Node\\.js v\\d|\\(node:internal/|^ℹ fail \\d");
  private static final Pattern HEADER =
      Pattern.compile(
          "^\\s*+(?:Uncaught )?([A-Za-z_$][\\w$]{0,200}+(?: \\[[A-Z0-9_]{1,100}+\\])?)(?:: ?+(.*))?$");
  private static final Pattern ERROR_NAME = Pattern.compile("\\w*(?:Error|Exception)\\b.*");
  private static final Pattern ALIAS = Pattern.compile(" \\[as [^\\]]{0,300}+\\]$");

  /** Lines above the first frame searched for the error line. */
  private static final int HEADER_SEARCH = 40;

  @Override
  public String language() {
    return "javascript";
  }

  @Override
  public boolean recognises(String text) {
    return MARKS.matcher(text).find();
  }

  @Override
  public Optional<ParsedError> parse(List<String> lines) {
    for (int first = 0; first < lines.size(); first++) {
      if (isFrame(lines.get(first))) {
        Optional<ParsedError> error = errorAbove(lines, first);
        if (error.isPresent()) {
          return error;
        }
        while (first + 1 < lines.size() && isFrame(lines.get(first + 1))) {
          first++;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<ParsedError> errorAbove(List<String> lines, int firstFrame) {
    for (int i = firstFrame - 1; i >= Math.max(0, firstFrame - HEADER_SEARCH); i--) {
      Matcher header = HEADER.matcher(lines.get(i));
      if (header.matches() && ERROR_NAME.matcher(header.group(1)).matches()) {
        List<String> frames = Frames.top(frames(lines, firstFrame), frame -> false);
        return Optional.of(new ParsedError(header.group(1), header.group(2), frames, lines.get(i)));
      }
    }
    return Optional.empty();
  }

  /**
   * The function names of the frames from {@code first} on, innermost first. Node's own frames
   * ({@code node:internal/...}, {@code node:events}) are the same under every error of a kind, so
   * they count only when there are no others.
   */
  private static List<String> frames(List<String> lines, int first) {
    List<String> all = new ArrayList<>();
    List<String> own = new ArrayList<>();
    for (int i = first; i < lines.size() && isFrame(lines.get(i)); i++) {
      Matcher named = NAMED_FRAME.matcher(lines.get(i));
      Matcher anonymous = ANONYMOUS_FRAME.matcher(lines.get(i));
      boolean isNamed = named.matches();
      String location = isNamed ? named.group(2) : anonymous.matches() ? anonymous.group(1) : "";
      String name = isNamed ? ALIAS.matcher(named.group(1)).replaceFirst("") : "<anonymous>";
      all.add(name);
      if (!location.startsWith("node:")) {
        own.add(name);
      }
    }
    return own.isEmpty() ? all : own;
  }

  private static boolean isFrame(String line) {
    return NAMED_FRAME.matcher(line).matches() || ANONYMOUS_FRAME.matcher(line).matches();
  }
}
