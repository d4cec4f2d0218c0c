package dev.agentos.query.health;

import dev.agentos.query.web.InvalidQueryException;
import dev.agentos.readmodels.health.HealthReader;
import java.time.Duration;
import java.time.Instant;

/**
 * The window-end range a health trend asks for, checked by parameter: both ends or neither (then
 * the latest report is asked for), {@code from} before {@code to}, at most {@link
 * HealthReader#MAX_RANGE} apart, and a limit of 1 to {@link HealthReader#MAX_LIMIT}.
 */
record TrendRange(Instant from, Instant to, int limit) {

  static final int DEFAULT_LIMIT = 500;

  /** The range asked for; null when neither end is given. */
  static TrendRange of(Instant from, Instant to, Integer limit) {
    if (from == null && to == null) {
      if (limit != null) {
        throw new InvalidQueryException("limit", "a trend's: give from and to with it");
      }
      return null;
    }
    if (from == null) {
      throw new InvalidQueryException("from", "give from with to (ISO-8601 instants)");
    }
    if (to == null) {
      throw new InvalidQueryException("to", "give to with from (ISO-8601 instants)");
    }
    if (!from.isBefore(to)) {
      throw new InvalidQueryException("to", "must be after from " + from + ", was " + to);
    }
    Duration max = HealthReader.MAX_RANGE;
    if (Duration.between(from, to).compareTo(max) > 0) {
      throw new InvalidQueryException(
          "to", "at most " + max.toDays() + " days after from " + from + ", was " + to);
    }
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > HealthReader.MAX_LIMIT) {
      throw new InvalidQueryException(
          "limit", "must be between 1 and " + HealthReader.MAX_LIMIT + ", was " + size);
    }
    return new TrendRange(from, to, size);
  }
}
