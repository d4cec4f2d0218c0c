package dev.agentos.flink.patterns.fingerprint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Python tracebacks, and pytest's own failure report (via {@link PytestOutput}) when there is
 * no traceback.
 *
 * <p>A chained traceback prints the earlier exception first. After "The above exception was the
 * direct cause of the following exception" ({@code raise ... from ...}) the earlier one is the root
 * cause, as a Java {@code Caused by} is, and is the one fingerprinted. After "During handling of
 * the above exception, another exception occurred" the later one is: the earlier exception was
 * being handled, and the handler failing is the error that ended the run.
 */
final class PythonParser implements ErrorParser {

  private static final String TRACEBACK = "Traceback (most recent call last):";
  private static final String DIRECT_CAUSE =
      "The above exception was the direct cause of the following exception:";

  private static final Pattern FRAME =
      Pattern.compile("^\\s*+File \"([^\"]{0,2048}+)\", line \\d++(?:, in (.{1,300}+))?$");
  private static final Pattern ANY_FRAME =
      Pattern.compile("(?m)^[ \\t]*+File \"[^\"\\n]{1,2048}+\", line \\d");
  private static final Pattern EXCEPTION =
      Pattern.compile("^([A-Za-z_][\\w.]{0,300}+)(?::[ ]?+(.*))?$");

  @Override
  public String language() {
    return "python";
  }

  @Override
  public boolean recognises(String text) {
    return text.contains(TRACEBACK)
        || ANY_FRAME.matcher(text).find()
        || PytestOutput.recognises(text);
  }

  @Override
  public Optional<ParsedError> parse(List<String> lines) {
    Optional<ParsedError> traceback = chosen(tracebacks(lines)).map(PythonParser::toParsedError);
    return traceback.isPresent() ? traceback : PytestOutput.parse(lines);
  }

  /** One printed traceback: its frames, outermost first, and the exception line ending it. */
  private static final class Traceback {
    final boolean causedPrevious;
    final List<String> frames = new ArrayList<>();
    String exceptionLine;

    Traceback(boolean causedPrevious) {
      this.causedPrevious = causedPrevious;
    }
  }

  private static List<Traceback> tracebacks(List<String> lines) {
    List<Traceback> tracebacks = new ArrayList<>();
    Traceback current = null;
    boolean directCause = false;
    for (String line : lines) {
      String stripped = line.strip();
      if (stripped.equals(DIRECT_CAUSE)) {
        directCause = true;
      } else if (stripped.equals(TRACEBACK)) {
        current = new Traceback(directCause);
        tracebacks.add(current);
        directCause = false;
      } else if (current != null && current.exceptionLine == null) {
        readTracebackLine(current, line);
      }
    }
    return tracebacks;
  }

  private static void readTracebackLine(Traceback traceback, String line) {
    Matcher frame = FRAME.matcher(line);
    if (frame.matches()) {
      // Import machinery frames (<frozen importlib._bootstrap>) are in every import error.
      boolean frozen = frame.group(1).startsWith("<frozen ");
      if (!frozen && frame.group(2) != null) {
        traceback.frames.add(frame.group(2));
      }
    } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
      // Source lines and carets are indented; the first line at column 0 is the exception.
      traceback.exceptionLine = line;
    }
  }

  /** The complete traceback whose exception is fingerprinted (see the class comment). */
  private static Optional<Traceback> chosen(List<Traceback> tracebacks) {
    List<Traceback> complete =
        tracebacks.stream().filter(traceback -> traceback.exceptionLine != null).toList();
    if (complete.isEmpty()) {
      return Optional.empty();
    }
    int index = complete.size() - 1;
    while (index > 0 && complete.get(index).causedPrevious) {
      index--;
    }
    return Optional.of(complete.get(index));
  }

  private static ParsedError toParsedError(Traceback traceback) {
    List<String> innermostFirst = new ArrayList<>(traceback.frames);
    Collections.reverse(innermostFirst);
    List<String> frames = Frames.top(innermostFirst, frame -> false);
    String line = traceback.exceptionLine;
    Matcher exception = EXCEPTION.matcher(line);
    if (!exception.matches()) {
      return new ParsedError(null, line, frames, line);
    }
    return new ParsedError(exception.group(1), exception.group(2), frames, line);
  }
}
