package dev.agentos.command.ingest;

/**
 * A client sent an {@code eventId} that is not a UUID. The message names the field and quotes the
 * value, cut like every quoted value in ingest errors ({@link ErrorText#cut}).
 */
public final class InvalidEventIdException extends IllegalArgumentException {

  /** The field this exception is about, as clients spell it. */
  public static final String FIELD = "eventId";

  public InvalidEventIdException(String value) {
    super(
        value == null
            ? FIELD + " is missing; it must be a UUID (8-4-4-4-12 hex digits)"
            : FIELD
                + " must be a UUID (8-4-4-4-12 hex digits), got \""
                + ErrorText.cut(value)
                + "\"");
  }

  /** The name of the offending field, for per-event error reports. */
  public String field() {
    return FIELD;
  }
}
