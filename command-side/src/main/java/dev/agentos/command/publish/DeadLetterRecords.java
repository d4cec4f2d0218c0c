package dev.agentos.command.publish;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.schemas.topics.EventKeys;
import dev.agentos.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * The dead letter that takes the place of an event the publisher cannot turn into a record. The
 * event itself stays in the event store for good, so the dead letter points at it (source {@value
 * #SOURCE}, offset = its global index) with the reason, rather than copying bytes no consumer could
 * read anyway.
 */
final class DeadLetterRecords {

  /** The dead letter's source "topic": the event store, whose offsets are global indexes. */
  static final String SOURCE = "axon-event-store";

  private final EventRecords records;
  private final String publisher;
  private final Clock clock;

  DeadLetterRecords(EventRecords records, String publisher, Clock clock) {
    this.records = records;
    this.publisher = publisher;
    this.clock = clock;
  }

  ProducerRecord<String, byte[]> of(
      EventMessage<?> message, long globalIndex, UnpublishableEventException failure) {
    RecordHeaders headers = new RecordHeaders();
    records.describe(headers, message, globalIndex);
    headers.add(EventRecords.EVENT_TYPE, EventRecords.utf8(payloadTypeOf(message)));
    Map<String, ByteBuffer> copied = new HashMap<>();
    for (Header header : headers) {
      copied.put(header.key(), ByteBuffer.wrap(header.value()));
    }
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    RecordDeadLettered letter =
        RecordDeadLettered.newBuilder()
            .setHeader(headerFor(message))
            .setSourceTopic(SOURCE)
            .setSourcePartition(0)
            .setSourceOffset(globalIndex)
            .setStage(publisher)
            .setReason(describe(message) + " cannot be published: " + failure.getMessage())
            .setErrorClass(cause.getClass().getName())
            .setKafkaHeaders(copied)
            .build();
    String topic = Topics.DEAD_LETTERS.name();
    byte[] value;
    try {
      value = records.encode(topic, letter);
    } catch (UnpublishableEventException e) {
      throw new IllegalStateException("a RecordDeadLettered cannot be encoded: " + e, e);
    }
    return new ProducerRecord<>(topic, null, SOURCE + "/0", value, headers);
  }

  static String describe(EventMessage<?> message) {
    String type = payloadTypeOf(message);
    if (message instanceof DomainEventMessage<?> domain) {
      return type
          + " #"
          + domain.getSequenceNumber()
          + " of "
          + domain.getType()
          + " "
          + domain.getAggregateIdentifier();
    }
    return type + " " + message.getIdentifier();
  }

  private static String payloadTypeOf(EventMessage<?> message) {
    try {
      return message.getPayloadType().getName();
    } catch (RuntimeException e) {
      return "an unreadable payload";
    }
  }

  /**
   * Scoped like the event when its header can be read. The id is derived from the event's, so a
   * re-publication of the same event makes the same dead letter, which consumers deduplicate.
   */
  private EventHeader headerFor(EventMessage<?> message) {
    EventHeader original = originalHeader(message);
    return EventHeader.newBuilder()
        .setEventId(
            UUID.nameUUIDFromBytes(EventRecords.utf8("dead-letter:" + message.getIdentifier()))
                .toString())
        .setOccurredAt(clock.instant())
        .setTenantId(original == null ? "" : original.getTenantId())
        .setProjectId(original == null ? "" : original.getProjectId())
        .setAgentId(original == null ? "" : original.getAgentId())
        .setSessionId(original == null ? null : original.getSessionId())
        .setTraceId(original == null ? null : original.getTraceId())
        .setSource(publisher)
        .build();
  }

  private static EventHeader originalHeader(EventMessage<?> message) {
    try {
      return EventKeys.findHeader(message.getPayload()).orElse(null);
    } catch (RuntimeException unreadable) {
      // The reason already says why; the dead letter then has no scope.
      return null;
    }
  }
}
