package dev.agentos.projections.source;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.EventMessage;

/**
 * Where an event message came from in Kafka, with the record's bytes as read: carried in the
 * message's metadata (in memory only, never serialised) so that a record set aside later is
 * dead-lettered with its bytes (within the dead letter's bounds), and so that the key decides the
 * processor segment.
 */
public record KafkaRecordOrigin(
    String topic,
    int partition,
    long offset,
    String key,
    byte[] value,
    Map<String, byte[]> headers) {

  /** The metadata key of the origin. */
  public static final String METADATA_KEY = "agentos.kafka.origin";

  public static KafkaRecordOrigin of(ConsumerRecord<String, byte[]> record) {
    Map<String, byte[]> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      if (header.value() != null) {
        headers.put(header.key(), header.value()); // the last value per name, as dead letters keep
      }
    }
    return new KafkaRecordOrigin(
        record.topic(), record.partition(), record.offset(), record.key(), record.value(), headers);
  }

  /** The origin of a message this source made, or null for any other message. */
  public static KafkaRecordOrigin of(EventMessage<?> message) {
    return message.getMetaData().get(METADATA_KEY) instanceof KafkaRecordOrigin origin
        ? origin
        : null;
  }

  /**
   * What the processors sequence the record by: its key (memory and context events are keyed by
   * aggregate, access events by session), or its partition when it has none.
   */
  public String sequencingKey() {
    return key != null ? key : topic + "/" + partition;
  }

  /** Topic/partition@offset, to name the record in logs and reasons. */
  public String describe() {
    return topic + "/" + partition + "@" + offset;
  }
}
