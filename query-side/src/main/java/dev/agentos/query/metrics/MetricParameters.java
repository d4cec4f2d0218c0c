package dev.agentos.query.metrics;

import dev.agentos.query.web.InvalidQueryException;
import dev.agentos.readmodels.metrics.MetricAggregate;
import dev.agentos.readmodels.metrics.TimeRange;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the parameters of {@code GET /v1/metrics} that Spring cannot bind by type. */
final class MetricParameters {

  static final String TAG_PREFIX = "tag.";

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private MetricParameters() {}

  /** Every {@code tag.<key>=<value>}, once each. */
  static SortedMap<String, String> tags(Map<String, List<String>> parameters) {
    SortedMap<String, String> tags = new TreeMap<>();
    parameters.forEach(
        (name, values) -> {
          if (!name.startsWith(TAG_PREFIX)) {
            return;
          }
          String key = name.substring(TAG_PREFIX.length());
          if (key.isEmpty()) {
            throw new InvalidQueryException(name, "a tag filter is tag.<key>=<value>");
          }
          if (values.size() != 1) {
            throw new InvalidQueryException(name, "give one value, was " + values.size());
          }
          tags.put(key, values.get(0));
        });
    return tags;
  }

  /**
   * An ISO-8601 duration ({@code PT5M}) or a short one ({@code 500ms}, {@code 30s}, {@code 5m}).
   */
  static Duration interval(String text) {
    String value = text.strip();
    Matcher shortForm = SHORT_DURATION.matcher(value);
    Duration interval;
    try {
      interval =
          shortForm.matches()
              ? Duration.of(Long.parseLong(shortForm.group(1)), unit(shortForm.group(2)))
              : Duration.parse(value.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new InvalidQueryException(
          "interval", "cannot read \"" + text + "\" as a duration (e.g. PT5M, 30s, 5m, 1h)");
    }
    if (interval.isNegative() || interval.isZero() || interval.toNanos() % 1_000_000 != 0) {
      throw new InvalidQueryException(
          "interval", "must be a positive whole number of milliseconds, was " + text);
    }
    return interval;
  }

  /**
   * The aggregate of an interval: MEAN unless asked; an aggregate without an interval is refused.
   */
  static MetricAggregate aggregate(String text, Duration interval, TimeRange range) {
    if (interval == null) {
      if (text != null) {
        throw new InvalidQueryException("aggregate", "an aggregate needs an interval");
      }
      return null;
    }
    long points = range.length().toMillis() / interval.toMillis();
    if (points > SeriesBounds.MAX_LIMIT) {
      throw new InvalidQueryException(
          "interval",
          interval
              + " cuts the range into "
              + points
              + " intervals, more than "
              + SeriesBounds.MAX_LIMIT
              + ": widen it or narrow the range");
    }
    if (text == null) {
      return MetricAggregate.MEAN;
    }
    try {
      return MetricAggregate.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(
          "aggregate", "unknown aggregate \"" + text + "\"; one of mean, min, max, count");
    }
  }

  private static ChronoUnit unit(String suffix) {
    return switch (suffix) {
      case "ms" -> ChronoUnit.MILLIS;
      case "s" -> ChronoUnit.SECONDS;
      case "m" -> ChronoUnit.MINUTES;
      case "h" -> ChronoUnit.HOURS;
      default -> ChronoUnit.DAYS;
    };
  }
}
