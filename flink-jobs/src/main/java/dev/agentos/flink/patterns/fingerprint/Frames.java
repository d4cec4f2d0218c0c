package dev.agentos.flink.patterns.fingerprint;

import java.util.List;
import java.util.function.Predicate;

/** Picks the frames a fingerprint keeps. */
final class Frames {

  /** Frames kept: enough to tell call sites apart, few enough that refactors far away don't. */
  static final int MAX = 3;

  private static final int MAX_FRAME_LENGTH = 120;

  private Frames() {}

  /**
   * The first {@link #MAX} frames that are not noise (test framework, runtime, reflection frames
   * that every failure of a kind shares). When every frame is noise the frames themselves are kept,
   * so an error raised inside the runtime still has a stack.
   *
   * @param innermostFirst function names, innermost first
   */
  static List<String> top(List<String> innermostFirst, Predicate<String> noise) {
    List<String> meaningful = innermostFirst.stream().filter(noise.negate()).toList();
    List<String> chosen = meaningful.isEmpty() ? innermostFirst : meaningful;
    return chosen.stream()
        .filter(frame -> !frame.isBlank())
        .map(
            frame ->
                frame.length() > MAX_FRAME_LENGTH ? frame.substring(0, MAX_FRAME_LENGTH) : frame)
        .limit(MAX)
        .toList();
  }
}
