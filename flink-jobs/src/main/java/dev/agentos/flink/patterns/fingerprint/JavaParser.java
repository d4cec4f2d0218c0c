package dev.agentos.flink.patterns.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JVM stack traces (Java, Kotlin, Scala), as printed by an uncaught exception, a logger, or
 * Maven Surefire's failure report. The error is the innermost {@code Caused by} of the first trace:
 * the root cause, which is what differs between two failures wrapped by the same framework
 * exception. Its frames are completed from the enclosing trace where it says {@code ... 12 more}.
 */
final class JavaParser implements ErrorParser {

  private static final Pattern FRAME = Pattern.compile("^\\s*+at ([^\\s(]{1,1024}+)\\(");
  private static final Pattern ANY_FRAME =
      Pattern.compile(
          "(?m)^[ \\t]*+at [\\w$./@-]{1,1024}+\\((?:[\\w$.-]{1,255}\\.(?:java|kt|scala|groovy):\\d"
              + "|Native Method\\)|Unknown Source\\))");
  private static final Pattern HEADER =
      Pattern.compile(
          "^(?:Exception in thread \"[^\"]{0,300}+\" )?"
              + "([A-Za-z_$][\\w$]{0,200}+(?:\\.[A-Za-z_$][\\w$]{0,200}+){1,40}+)(?:: ?+(.*))?$");
  private static final Pattern CAUSE =
      Pattern.compile("^(\\s*+)Caused by: ([A-Za-z_$][\\w$.]{0,2048}+)(?:: ?+(.*))?$");
  private static final Pattern MORE = Pattern.compile("^\\s*+\\.\\.\\. (\\d{1,9}+) more\\s*+$");
  private static final Pattern SUPPRESSED = Pattern.compile("^\\s++Suppressed: ");
  private static final Pattern THROWABLE_NAME = Pattern.compile(".*(?:Exception|Error|Throwable)");

  /** Hidden-class addresses and generated-class counters, which differ between JVM runs. */
  private static final Pattern GENERATED =
      Pattern.compile(
          "/0x[0-9a-fA-F]++|(?<=\\$\\$Lambda)\\$?\\d++|(?<=\\$Proxy|Generated(?:Method|Constructor"
              + "|SerializationConstructor)Accessor)\\d++");

  /** Assertion, test runner and reflection frames, shared by every failing test. */
  private static final List<String> NOISE =
      List.of(
          "org.junit.",
          "junit.",
          "org.opentest4j.",
          "org.assertj.",
          "org.hamcrest.",
          "org.testng.",
          "kotlin.test.",
          "org.apache.maven.surefire.",
          "jdk.internal.reflect.",
          "sun.reflect.",
          "java.lang.reflect.");

  @Override
  public String language() {
    return "java";
  }

  @Override
  public boolean recognises(String text) {
    return ANY_FRAME.matcher(text).find();
  }

  /** One exception of a trace: its header line and its own frames. */
  private static final class Thrown {
    final String type;
    final String message;
    final String line;
    final List<String> frames = new ArrayList<>();
    int framesInCommonWithEnclosing;

    Thrown(String type, String message, String line) {
      this.type = type;
      this.message = message;
      this.line = line;
    }
  }

  @Override
  public Optional<ParsedError> parse(List<String> lines) {
    List<Thrown> chain = firstChain(lines);
    if (chain.isEmpty()) {
      return Optional.empty();
    }
    Thrown outermost = chain.get(0);
    boolean looksThrown = THROWABLE_NAME.matcher(outermost.type).matches();
    if (outermost.frames.isEmpty() && !looksThrown) {
      return Optional.empty();
    }
    Thrown innermost = chain.get(chain.size() - 1);
    List<String> frames = Frames.top(fullFrames(chain), JavaParser::isNoise);
    return Optional.of(new ParsedError(innermost.type, innermost.message, frames, innermost.line));
  }

  /** The first trace's exception and its causes, outermost first; suppressed ones are skipped. */
  private static List<Thrown> firstChain(List<String> lines) {
    List<Thrown> chain = new ArrayList<>();
    boolean inSuppressed = false;
    for (String line : lines) {
      Matcher frame = FRAME.matcher(line);
      Matcher more = MORE.matcher(line);
      Matcher cause = CAUSE.matcher(line);
      if (frame.lookingAt()) {
        if (!chain.isEmpty() && !inSuppressed) {
          last(chain).frames.add(frameName(frame.group(1)));
        }
      } else if (more.matches()) {
        if (!chain.isEmpty() && !inSuppressed) {
          last(chain).framesInCommonWithEnclosing = Integer.parseInt(more.group(1));
        }
      } else if (SUPPRESSED.matcher(line).lookingAt()) {
        inSuppressed = true;
      } else if (cause.matches()) {
        // An indented Caused by belongs to a suppressed exception.
        if (cause.group(1).isEmpty() && !chain.isEmpty()) {
          inSuppressed = false;
          chain.add(new Thrown(cause.group(2), cause.group(3), line));
        }
      } else {
        Matcher header = HEADER.matcher(line);
        if (header.matches()) {
          if (!chain.isEmpty() && !chain.get(0).frames.isEmpty()) {
            break; // a second trace
          }
          chain.clear(); // a header without frames was a log line, not a trace
          chain.add(new Thrown(header.group(1), header.group(2), line));
        }
      }
    }
    return chain;
  }

  /**
   * The innermost exception's frames, innermost first: its own, then the {@code ... n more} it
   * shares with the exception enclosing it.
   */
  private static List<String> fullFrames(List<Thrown> chain) {
    List<String> enclosing = List.of();
    for (Thrown thrown : chain) {
      List<String> full = new ArrayList<>(thrown.frames);
      int shared = Math.min(thrown.framesInCommonWithEnclosing, enclosing.size());
      full.addAll(enclosing.subList(enclosing.size() - shared, enclosing.size()));
      enclosing = full;
    }
    return enclosing;
  }

  /**
   * {@code java.base/java.util.Objects.requireNonNull} becomes {@code
   * java.util.Objects.requireNonNull}.
   */
  private static String frameName(String frame) {
    String name = GENERATED.matcher(frame).replaceAll("");
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private static boolean isNoise(String frame) {
    return NOISE.stream().anyMatch(frame::startsWith);
  }

  private static Thrown last(List<Thrown> chain) {
    return chain.get(chain.size() - 1);
  }
}
