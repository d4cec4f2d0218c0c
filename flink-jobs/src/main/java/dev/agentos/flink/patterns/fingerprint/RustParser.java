package dev.agentos.flink.patterns.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Rust failures: a thread's panic (from a program or {@code cargo test}), in the format of
 * Rust 1.73 and later ({@code thread 'main' panicked at src/main.rs:4:37:} with the message on the
 * next line) or before ({@code panicked at 'message', src/main.rs:4:37}); else the first compiler
 * error ({@code error[E0382]: borrow of moved value}). A panic's frames come from its {@code stack
 * backtrace:} when {@code RUST_BACKTRACE} was set, else from its thread's name when that names a
 * test rather than {@code main}.
 */
final class RustParser implements ErrorParser {

  private static final Pattern PANIC =
      Pattern.compile("^thread '([^']{0,300}+)' panicked at (.*)$");
  private static final Pattern COMPILER_ERROR = Pattern.compile("^error(\\[E\\d{4}+\\])?: (.*)$");
  private static final Pattern BACKTRACE_FRAME = Pattern.compile("^\\s*+\\d++: (\\S.{0,1000})$");
  private static final Pattern SYMBOL_HASH = Pattern.compile("::h[0-9a-f]{16}$");
  private static final Pattern MARKS =
      Pattern.compile("error\\[E\\d{4}\\]|' panicked at |test result: FAILED");

  /** Cargo's summaries after the real error, not errors of their own. */
  private static final List<String> SUMMARIES =
      List.of("could not compile", "aborting due to", "test failed", "build failed");

  private static final List<String> RUNTIME_FRAMES =
      List.of(
          "std::",
          "core::",
          "alloc::",
          "test::",
          "rust_begin_unwind",
          "__rust",
          "<core::",
          "<alloc::",
          "<std::");

  @Override
  public String language() {
    return "rust";
  }

  @Override
  public boolean recognises(String text) {
    return MARKS.matcher(text).find();
  }

  @Override
  public Optional<ParsedError> parse(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      Matcher panic = PANIC.matcher(lines.get(i));
      if (panic.matches()) {
        return Optional.of(panic(lines, i, panic.group(1), panic.group(2)));
      }
    }
    for (String line : lines) {
      Matcher error = COMPILER_ERROR.matcher(line);
      if (error.matches() && SUMMARIES.stream().noneMatch(error.group(2)::startsWith)) {
        String code = error.group(1) == null ? "" : error.group(1);
        return Optional.of(new ParsedError("error" + code, error.group(2), List.of(), line));
      }
    }
    return Optional.empty();
  }

  private static ParsedError panic(List<String> lines, int at, String thread, String rest) {
    String message;
    if (rest.startsWith("'") && rest.lastIndexOf("', ") > 0) {
      message = rest.substring(1, rest.lastIndexOf("', "));
    } else if (rest.endsWith(":") && at + 1 < lines.size()) {
      message = lines.get(at + 1);
    } else {
      message = rest;
    }
    List<String> backtrace = backtrace(lines, at + 1);
    List<String> frames =
        backtrace.isEmpty() && !thread.equals("main") ? List.of(thread) : backtrace;
    return new ParsedError(
        "panic", message, Frames.top(frames, RustParser::isRuntime), lines.get(at));
  }

  /** The symbols of the backtrace after {@code from}, innermost first, their hashes cut off. */
  private static List<String> backtrace(List<String> lines, int from) {
    List<String> frames = new ArrayList<>();
    boolean inBacktrace = false;
    for (int i = from; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher frame = BACKTRACE_FRAME.matcher(line);
      if (line.strip().equals("stack backtrace:")) {
        inBacktrace = true;
      } else if (inBacktrace && frame.matches()) {
        frames.add(SYMBOL_HASH.matcher(frame.group(1).strip()).replaceFirst(""));
      } else if (inBacktrace && !line.strip().startsWith("at ")) {
        break;
      }
    }
    return frames;
  }

  private static boolean isRuntime(String frame) {
    return RUNTIME_FRAMES.stream().anyMatch(frame::startsWith);
  }
}
