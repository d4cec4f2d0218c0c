package dev.agentos.flink.patterns.success;

import java.io.Serializable;
import java.time.Duration;

/**
 * When the success pattern job speaks, and how long it remembers. All durations are event time.
 *
 * @param minimumSupport labelled tries a signature needs before it is reported: a rate over fewer
 *     says little
 * @param sessionIdle a session without tool calls or proposals for this long is forgotten: a later
 *     proposal in it starts a fresh tool sequence
 * @param labelWithin how long a proposal waits for its verdict, and a verdict for its proposal,
 *     counted from the first of the two: a verdict later than that is not counted
 * @param retention a signature without labelled tries for this long is forgotten: its counts start
 *     again from zero, and it is reported as new when it reaches the minimum again
 * @param allowedLateness an input behind the watermark by at most this much is still used, at once;
 *     further behind, it is dead-lettered
 */
public record SuccessPatternSettings(
    int minimumSupport,
    Duration sessionIdle,
    Duration labelWithin,
    Duration retention,
    Duration allowedLateness)
    implements Serializable {

  public SuccessPatternSettings {
    if (minimumSupport < 1) {
      throw new IllegalArgumentException("minimumSupport must be at least 1: " + minimumSupport);
    }
  }

  public static SuccessPatternSettings defaults() {
    return new SuccessPatternSettings(
        5, Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofHours(1));
  }
}
