package dev.agentos.readmodels.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * The pieces of InfluxQL a reader puts a request's text into, each quoted so that no text can end
 * its literal and go on as statement: an identifier in double quotes, a string in single quotes,
 * with InfluxQL's only escapes ({@code \\}, {@code \"}, {@code \'} and {@code \n}, a newline being
 * the one character a quoted literal cannot hold). Every identifier is quoted, even a plain one, so
 * a name that is also a keyword ({@code window}, {@code time}) is read as a name. Times and
 * durations are written from typed values, never from text.
 */
public final class InfluxQl {

  private InfluxQl() {}

  /** A measurement, tag key or field key. */
  public static String identifier(String name) {
    return quoted(name, '"');
  }

  /** A string literal, e.g. a tag value compared with {@code =}. */
  public static String string(String value) {
    return quoted(value, '\'');
  }

  /** An RFC 3339 time literal, e.g. {@code '2026-12-07T10:00:00Z'}. */
  public static String time(Instant at) {
    return "'" + at + "'";
  }

  /** A duration literal in whole milliseconds, e.g. {@code 60000ms}; positive. */
  public static String duration(Duration length) {
    if (length.isNegative() || length.isZero() || length.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException("not a positive whole number of ms: " + length);
    }
    return length.toMillis() + "ms";
  }

  /** {@code "key" = 'value'}. */
  public static String equals(String key, String value) {
    return identifier(key) + " = " + string(value);
  }

  private static String quoted(String text, char quote) {
    StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == quote) {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else {
        out.append(c);
      }
    }
    return out.append(quote).toString();
  }
}
