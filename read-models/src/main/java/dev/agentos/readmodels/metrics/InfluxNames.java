package dev.agentos.readmodels.metrics;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Makes text safe to store as an InfluxDB measurement, tag key or tag value, by percent-encoding
 * (as UTF-8, like a URL) every character line protocol treats specially: {@code , = "}, space and
 * backslash, which it would need escaped; control characters such as a newline, which it cannot
 * carry at all; {@code %} itself, so the encoding stays reversible and two different texts never
 * become one name; and, in names only, a leading {@code _}, which InfluxDB reserves for itself.
 *
 * <p>Because the result contains nothing a client library escapes, what is stored is exactly what
 * these methods return, so a reader can compute the same name to query by.
 */
public final class InfluxNames {

  private static final String SPECIAL = "%,= \"\\";

  private InfluxNames() {}

  /** A measurement name or tag key. */
  public static String name(String text) {
    String safe = value(text);
    return safe.startsWith("_") ? "%5F" + safe.substring(1) : safe;
  }

  /** A tag value. */
  public static String value(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (SPECIAL.indexOf(c) >= 0 || Character.isISOControl(c)) {
        // Control characters are all in the BMP, so one char is one code point here.
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b & 0xFF));
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The text a stored name or value was made from: the inverse of {@link #name} and {@link #value},
   * exact because {@code %} is always encoded. A {@code %} not followed by two hex digits, which
   * these methods never write, is kept as it is.
   */
  public static String decoded(String stored) {
    if (stored.indexOf('%') < 0) {
      return stored;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(stored.length());
    for (int i = 0; i < stored.length(); i++) {
      char c = stored.charAt(i);
      int high = i + 2 < stored.length() ? Character.digit(stored.charAt(i + 1), 16) : -1;
      int low = i + 2 < stored.length() ? Character.digit(stored.charAt(i + 2), 16) : -1;
      if (c == '%' && high >= 0 && low >= 0) {
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < stored.length()) {
          utf8 = stored.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(utf8);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
