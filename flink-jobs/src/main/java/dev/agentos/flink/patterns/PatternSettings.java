package dev.agentos.flink.patterns;

import java.io.Serializable;
import java.time.Duration;

/**
 * When the error pattern job speaks.
 *
 * @param retention a pattern unseen for this long (event time) is forgotten: its state is cleared,
 *     and its next match reports it as new again
 * @param risingMinimum matches within an hour before a pattern can be rising
 * @param risingFactor how many times the previous hour's matches the current hour must reach
 * @param allowedLateness a match behind the watermark by at most this much is still counted, at
 *     once (a partition that was slow to deliver, e.g. while a restarted job catches up); further
 *     behind, it is dead-lettered
 * @param newOnArrival report a NEW pattern as soon as its first match arrives, without waiting for
 *     the watermark (live: a new error is readable within a checkpoint); off in replays, whose
 *     reports must depend on the history alone, not on which partition delivered first
 */
public record PatternSettings(
    Duration retention,
    int risingMinimum,
    double risingFactor,
    Duration allowedLateness,
    boolean newOnArrival)
    implements Serializable {

  /** Live: new patterns reported on arrival. */
  public static PatternSettings defaults() {
    return new PatternSettings(Duration.ofDays(30), 5, 2.0, Duration.ofHours(1), true);
  }

  /** For a bounded replay of history: every report in event-time order. */
  public static PatternSettings forReplay() {
    PatternSettings live = defaults();
    return new PatternSettings(
        live.retention(), live.risingMinimum(), live.risingFactor(), live.allowedLateness(), false);
  }
}
