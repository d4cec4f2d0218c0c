package dev.agentos.flink.patterns.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Go failures: a panic or fatal error with its goroutine trace (from a program or from {@code
 * go test}), else the first {@code go test} failure ({@code --- FAIL: TestX} and the {@code
 * file_test.go:18: message} line under it). A panic's type is {@code panic}, or {@code panic:
 * runtime error} for the runtime's own (index out of range, nil pointer dereference); a test
 * failure's type is {@code --- FAIL} and its frame the failing test.
 */
final class GoParser implements ErrorParser {

  private static final String RECOVERED = " [recovered]";
  private static final String RUNTIME_ERROR = "runtime error: ";

  private static final Pattern PANIC = Pattern.compile("^(panic|fatal error): (.*)$");
  private static final Pattern GOROUTINE = Pattern.compile("^goroutine \\d++ \\[");
  private static final Pattern SOURCE_LINE = Pattern.compile("^\\t\\S.{0,2048}\\.go:\\d++");
  private static final Pattern TEST_FAIL = Pattern.compile("^\\s*+--- FAIL: (\\S{1,500}+) \\(");
  private static final Pattern TEST_MESSAGE =
      Pattern.compile("^\\s++[\\w.-]{1,300}\\.go:\\d++: (.*)$");
  private static final Pattern MARKS =
      Pattern.compile("goroutine \\d++ \\[|(?m)^[ \\t]*+--- FAIL: |(?m)^FAIL\\t");

  @Override
  public String language() {
    return "go";
  }

  @Override
  public boolean recognises(String text) {
    return MARKS.matcher(text).find();
  }

  @Override
  public Optional<ParsedError> parse(List<String> lines) {
    Optional<ParsedError> panic = panic(lines);
    return panic.isPresent() ? panic : testFailure(lines);
  }

  private static Optional<ParsedError> panic(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      Matcher panic = PANIC.matcher(lines.get(i));
      if (panic.matches()) {
        String kind = panic.group(1);
        String message = panic.group(2);
        if (message.endsWith(RECOVERED)) {
          message = message.substring(0, message.length() - RECOVERED.length());
        }
        if (message.startsWith(RUNTIME_ERROR)) {
          kind = kind + ": runtime error";
          message = message.substring(RUNTIME_ERROR.length());
        }
        List<String> frames = Frames.top(goroutineFrames(lines, i + 1), GoParser::isRuntime);
        return Optional.of(new ParsedError(kind, message, frames, lines.get(i)));
      }
    }
    return Optional.empty();
  }

  /**
   * The function names of the first goroutine trace after {@code from}: each is the line before a
   * tab-indented {@code file.go:line} line, its arguments and its package's path cut off ({@code
   * github.com/acme/app/store.(*DB).Get(0xc000012028)} becomes {@code store.(*DB).Get}).
   */
  private static List<String> goroutineFrames(List<String> lines, int from) {
    int start = from;
    while (start < lines.size() && !GOROUTINE.matcher(lines.get(start)).lookingAt()) {
      start++;
    }
    List<String> frames = new ArrayList<>();
    for (int i = start + 1; i + 1 < lines.size() && !lines.get(i).isBlank(); i++) {
      String line = lines.get(i);
      boolean call = !Character.isWhitespace(line.charAt(0)) && !line.startsWith("created by ");
      if (call && SOURCE_LINE.matcher(lines.get(i + 1)).lookingAt()) {
        int arguments = line.endsWith(")") ? line.lastIndexOf('(') : line.length();
        String function = line.substring(0, Math.max(arguments, 0));
        frames.add(function.substring(function.lastIndexOf('/') + 1));
      }
    }
    return frames;
  }

  /** The runtime's and the test runner's frames, above and below every panic. */
  private static boolean isRuntime(String frame) {
    return frame.startsWith("runtime.") || frame.startsWith("testing.") || frame.equals("panic");
  }

  private static Optional<ParsedError> testFailure(List<String> lines) {
    String test = null;
    for (String line : lines) {
      Matcher fail = TEST_FAIL.matcher(line);
      Matcher message = TEST_MESSAGE.matcher(line);
      if (fail.lookingAt()) {
        test = fail.group(1);
      } else if (test != null && message.matches()) {
        return Optional.of(new ParsedError("--- FAIL", message.group(1), List.of(test), line));
      }
    }
    return test == null
        ? Optional.empty()
        : Optional.of(new ParsedError("--- FAIL", "", List.of(test), "--- FAIL: " + test));
  }
}
