package dev.agentos.command.ingest;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Decides the {@code eventId} of an ingested event, the idempotency key every consumer deduplicates
 * on. A client may send one, and must reuse it when it retries; a missing or blank one is generated
 * here. A sent value must be a UUID in its 8-4-4-4-12 hex form, in any case; it is stored in
 * canonical lower case so that a retry spelled in upper case is still recognised as the same event.
 * Anything else is refused rather than repaired, because a repaired key would no longer match the
 * client's retries.
 */
public final class EventIds {

  // UUID.fromString is lenient ("1-1-1-1-1" parses), so the text form is checked first.
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private EventIds() {}

  /**
   * The event id to store for what the client sent.
   *
   * @param clientValue the client's {@code eventId}, or null when it sent none
   * @return a canonical lower-case UUID string
   * @throws InvalidEventIdException when the client sent something that is not a UUID
   */
  public static String acceptOrGenerate(String clientValue) {
    if (clientValue == null || clientValue.isBlank()) {
      return UUID.randomUUID().toString();
    }
    return canonical(clientValue);
  }

  /**
   * The canonical form of an event id that must be present, as on an event produced straight to
   * Kafka, where nobody can make one up later.
   *
   * @throws InvalidEventIdException when the value is missing or not a UUID
   */
  public static String canonical(String value) {
    if (value == null || !UUID_TEXT.matcher(value).matches()) {
      throw new InvalidEventIdException(value);
    }
    return value.toLowerCase(Locale.ROOT);
  }
}
