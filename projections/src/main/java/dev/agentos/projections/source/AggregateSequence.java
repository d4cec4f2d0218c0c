package dev.agentos.projections.source;

import java.nio.charset.StandardCharsets;
import org.axonframework.eventhandling.EventMessage;

/**
 * An aggregate event's place in its aggregate's stream, which the command side's publisher puts in
 * a record header (ADR 0002): what lets a read model tell a redelivered event from a new one.
 */
public final class AggregateSequence {

  /** The header that carries it, as decimal text. */
  public static final String HEADER = "agentos.aggregate-sequence";

  private AggregateSequence() {}

  /**
   * The sequence from the record's header. An aggregate event without one cannot be ordered against
   * the read model, so it is refused here, alone, and goes to the dead-letter topic.
   */
  public static long of(EventMessage<?> message) {
    KafkaRecordOrigin origin = KafkaRecordOrigin.of(message);
    byte[] header = origin == null ? null : origin.headers().get(HEADER);
    String what = origin == null ? "event " + message.getIdentifier() : origin.describe();
    if (header == null) {
      throw new UnprocessableRecordException(what + " has no " + HEADER + " header to order it by");
    }
    String text = new String(header, StandardCharsets.UTF_8);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UnprocessableRecordException(
          what + " has " + HEADER + " '" + text + "', not a number", e);
    }
  }
}
