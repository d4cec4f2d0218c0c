package dev.agentos.projections.source;

import java.time.Clock;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;

/**
 * Sets aside the record of an event whose write a store refused for good (see {@link Refusal}): a
 * dead letter with the store's reason, after which the processor moves past the record. An event
 * that did not come from Kafka has no record to set aside, so its refusal is thrown instead.
 */
public class RefusedRecords {

  private final DeadLetterSink sink;
  private final Clock clock;

  public RefusedRecords(DeadLetterSink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  /** Sends the dead letter of {@code message}'s record; returns once it is durable. */
  public void setAside(String stage, Message<?> message, String reason, String errorClass) {
    KafkaRecordOrigin origin =
        message instanceof EventMessage<?> event ? KafkaRecordOrigin.of(event) : null;
    if (origin == null) {
      throw new UnprocessableRecordException(stage + " cannot write an event: " + reason);
    }
    sink.send(
        DeadLetters.of(
            origin, stage, reason, errorClass, 1, message.getPayload(), clock.instant()));
  }
}
