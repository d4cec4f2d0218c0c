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
 */
public record PatternSettings(Duration retention, int risingMinimum, double risingFactor)
    implements Serializable {

  public static PatternSettings defaults() {
    return new PatternSettings(Duration.ofDays(30), 5, 2.0);
  }
}
