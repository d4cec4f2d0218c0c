package dev.agentos.flink.patterns.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Picks the frames a fingerprint keeps. */
final class Frames {

  /** Frames kept: enough to tell call sites apart, few enough that refactors far away don't. */
  static final int MAX = 3;

  private static final int MAX_FRAME_LENGTH = 120;

  private Frames() {}

  /**
   * The program's own innermost frames: noise frames (assertion library, runtime, reflection, test
   * runner) above them are skipped, and the first noise frame below them ends them, since what
   * called the program's code (a test runner's plumbing, the runtime's entry point) is the same for
   * every failure. When every frame is noise the first frames are kept, so an error raised inside
   * the runtime still has a stack.
   *
   * @param innermostFirst function names, innermost first
   * @return at most {@link #MAX} frames, innermost first
   */
  static List<String> top(List<String> innermostFirst, Predicate<String> noise) {
    List<String> own = new ArrayList<>();
    for (String frame : innermostFirst) {
      if (!noise.test(frame)) {
        own.add(frame);
      } else if (!own.isEmpty()) {
        break;
      }
    }
    List<String> chosen = own.isEmpty() ? innermostFirst : own;
    return chosen.stream()
        .filter(frame -> !frame.isBlank())
        .map(
            frame ->
                frame.length() > MAX_FRAME_LENGTH ? frame.substring(0, MAX_FRAME_LENGTH) : frame)
        .limit(MAX)
        .toList();
  }
}
