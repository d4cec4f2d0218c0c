package dev.agentos.projections.source;

import dev.agentos.events.common.EventHeader;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.topics.EventKeys;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.MetaData;

/**
 * Turns a registry wire-format record into an event message whose payload is the generated Avro
 * class (so {@code @EventHandler void on(MemoryStored e)} matches), whose identifier is the
 * header's {@code eventId} and whose timestamp is its {@code occurredAt}. A record that cannot be
 * read becomes an {@link UndecodableRecord} message instead of being dropped: the extension skips
 * records a converter declines, and a skipped record would never reach the dead-letter topic.
 */
public class AvroRecordConverter implements KafkaMessageConverter<String, byte[]> {

  private final RegistryAvroDeserializer<Object> deserializer;

  public AvroRecordConverter(RegistryAvroDeserializer<Object> deserializer) {
    this.deserializer = deserializer;
  }

  @Override
  public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> record) {
    KafkaRecordOrigin origin = KafkaRecordOrigin.of(record);
    MetaData metaData = MetaData.with(KafkaRecordOrigin.METADATA_KEY, origin);
    Object value;
    try {
      value = deserializer.deserialize(record.topic(), record.value());
    } catch (RuntimeException e) {
      return Optional.of(undecodable(origin, metaData, e.getMessage(), e.getClass().getName()));
    }
    EventHeader header = EventKeys.findHeader(value).orElse(null);
    if (header == null) {
      String what = value == null ? "an empty value (tombstone)" : "no AgentOS event header";
      return Optional.of(undecodable(origin, metaData, origin.describe() + " has " + what, null));
    }
    return Optional.of(
        new GenericEventMessage<>(header.getEventId(), value, metaData, header.getOccurredAt()));
  }

  /** Producing is the command side's job (ADR 0002); this converter only reads. */
  @Override
  public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> event, String topic) {
    throw new UnsupportedOperationException("projections never publish events");
  }

  private static EventMessage<?> undecodable(
      KafkaRecordOrigin origin, MetaData metaData, String reason, String errorClass) {
    return new GenericEventMessage<>(new UndecodableRecord(origin, reason, errorClass), metaData);
  }
}
