package dev.agentos.command.publish;

import dev.agentos.schemas.registry.SchemaRegistryException;
import dev.agentos.schemas.topics.EventKeys;
import dev.agentos.schemas.topics.Topic;
import dev.agentos.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * Turns an event of the store into the record consumers read: its Avro payload in the registry's
 * wire format, on the topic that carries its type ({@link Topics#producedTo}: interactions and
 * executions on their RAW topic, so the dedup stage copies them to canonical like every other copy;
 * the rest on their canonical topic), keyed by {@link EventKeys#keyOf}, so that every event of one
 * aggregate lands on one partition.
 */
final class EventRecords {

  /** Full name of the Avro record in the value. */
  static final String EVENT_TYPE = "agentos.event-type";

  /** Place of the event in the store's global order. */
  static final String GLOBAL_INDEX = "agentos.global-index";

  static final String AGGREGATE_ID = "agentos.aggregate-id";
  static final String AGGREGATE_SEQUENCE = "agentos.aggregate-sequence";

  /** The transactional id of the publisher that wrote the record. */
  static final String PUBLISHER = "agentos.publisher";

  private final Serializer<Object> avro;
  private final String publisher;

  /**
   * @param avro writes Confluent's wire format and registers schemas under {@code <topic>-<record>}
   * @param publisher the publisher's transactional id, written on every record
   */
  EventRecords(Serializer<Object> avro, String publisher) {
    this.avro = avro;
    this.publisher = publisher;
  }

  /**
   * The record of {@code message}. A registry that cannot be reached, or refuses a schema, is an
   * outage to wait out rather than a property of the event: it is thrown as it is.
   */
  ProducerRecord<String, byte[]> recordOf(EventMessage<?> message, long globalIndex)
      throws UnpublishableEventException {
    SpecificRecord event = payloadOf(message);
    Topic<String, ?> topic;
    String key;
    try {
      topic = Topics.producedTo(event.getClass());
      key = EventKeys.keyOf(event);
    } catch (IllegalArgumentException e) {
      throw new UnpublishableEventException(e.getMessage(), e);
    }
    if (key == null || key.isEmpty()) {
      // A null key spreads records over partitions and would lose the aggregate's order.
      throw new UnpublishableEventException(
          "its key (" + topic.keyedBy() + ") is empty, so it has no partition to keep order", null);
    }
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic.name(), key, encode(topic.name(), event));
    Headers headers = record.headers();
    headers.add(EVENT_TYPE, utf8(event.getSchema().getFullName()));
    describe(headers, message, globalIndex);
    return record;
  }

  /** Where a record came from, on its own record or on the dead letter that replaces it. */
  void describe(Headers headers, EventMessage<?> message, long globalIndex) {
    headers.add(GLOBAL_INDEX, utf8(Long.toString(globalIndex)));
    if (message instanceof DomainEventMessage<?> domain) {
      headers.add(AGGREGATE_ID, utf8(domain.getAggregateIdentifier()));
      headers.add(AGGREGATE_SEQUENCE, utf8(Long.toString(domain.getSequenceNumber())));
    }
    headers.add(PUBLISHER, utf8(publisher));
  }

  byte[] encode(String topic, Object value) throws UnpublishableEventException {
    try {
      return avro.serialize(topic, value);
    } catch (SerializationException e) {
      if (causedByRegistry(e)) {
        throw e;
      }
      throw new UnpublishableEventException("it cannot be encoded: " + e.getMessage(), e);
    }
  }

  private static SpecificRecord payloadOf(EventMessage<?> message)
      throws UnpublishableEventException {
    Object payload;
    try {
      payload = message.getPayload();
    } catch (RuntimeException e) {
      throw new UnpublishableEventException("its payload cannot be read: " + e, e);
    }
    if (payload instanceof SpecificRecord event) {
      return event;
    }
    throw new UnpublishableEventException(
        "its payload is a "
            + (payload == null ? "null" : payload.getClass().getName())
            + ", not an Avro event of schemas/",
        null);
  }

  private static boolean causedByRegistry(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SchemaRegistryException) {
        return true;
      }
    }
    return false;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
