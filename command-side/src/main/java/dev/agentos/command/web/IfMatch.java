package dev.agentos.command.web;

import dev.agentos.command.InvalidCommandException;

/**
 * Reads the aggregate version a client expects from {@code If-Match}, the ETag a command answered
 * with ({@code "3"}, quotes optional). Absent means "whatever the current version is".
 */
public final class IfMatch {

  public static final String HEADER = "If-Match";

  private IfMatch() {}

  public static Long expectedVersion(String header) {
    if (header == null || header.isBlank() || header.trim().equals("*")) {
      return null;
    }
    String value = header.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      long version = Long.parseLong(value);
      if (version < 0) {
        throw new NumberFormatException();
      }
      return version;
    } catch (NumberFormatException e) {
      throw new InvalidCommandException(
          "If-Match", "must be the version an earlier answer gave as ETag, e.g. \"3\"");
    }
  }

  /** The ETag for an aggregate version. */
  public static String etag(long version) {
    return "\"" + version + "\"";
  }
}
