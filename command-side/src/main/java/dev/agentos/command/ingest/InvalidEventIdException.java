package dev.agentos.command.ingest;

/**
 * A client sent an {@code eventId} that is not a UUID. The message names the field and quotes the
 * value, cut to {@value #MAX_QUOTED} characters so that a hostile or mistaken megabyte-long value
 * cannot bloat error responses and logs.
 */
public final class InvalidEventIdException extends IllegalArgumentException {

  /** The field this exception is about, as clients spell it. */
  public static final String FIELD = "eventId";

  static final int MAX_QUOTED = 64;

  public InvalidEventIdException(String value) {
    super(
        value == null
            ? FIELD + " is missing; it must be a UUID (8-4-4-4-12 hex digits)"
            : FIELD + " must be a UUID (8-4-4-4-12 hex digits), got \"" + quoted(value) + "\"");
  }

  /** The name of the offending field, for per-event error reports. */
  public String field() {
    return FIELD;
  }

  private static String quoted(String value) {
    if (value.length() <= MAX_QUOTED) {
      return value;
    }
    // Never cut a surrogate pair in half: the message must stay valid text.
    int end = Character.isHighSurrogate(value.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
    return value.substring(0, end) + "...";
  }
}
