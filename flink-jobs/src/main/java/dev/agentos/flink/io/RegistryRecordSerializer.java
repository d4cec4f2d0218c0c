package dev.agentos.flink.io;

import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.EventKeys;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a job's events in the registry's wire format, keyed as {@link EventKeys} keys them and
 * stamped with their event time (never later than now, see {@link #stampOf}), so a derived event
 * sits in time beside the facts it came from.
 */
public final class RegistryRecordSerializer<T extends SpecificRecord>
    implements KafkaRecordSerializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final String topic;
  private final String registryUrl;
  private transient RegistryAvroSerializer<T> serializer;

  public RegistryRecordSerializer(String topic, String registryUrl) {
    this.topic = topic;
    this.registryUrl = registryUrl;
  }

  @Override
  public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sink) {
    serializer = new RegistryAvroSerializer<>();
    serializer.configure(Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
  }

  /**
   * The record's timestamp: the event's time, but never later than {@code now}. The broker refuses
   * a record stamped more than {@code message.timestamp.after.max.ms} (1 h by default) ahead of its
   * clock, and the sink's failure would restart the job onto the same record for ever. Derived
   * events can lie ahead: a replay's end fires every window still open (a day window ends up to a
   * day after the last activity, health reports go on a day after the last input), and an agent's
   * clock may run fast. The event itself keeps its time; only the record's stamp is held back.
   */
  static long stampOf(long eventTime, long now) {
    return Math.min(eventTime, now);
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      T event, KafkaSinkContext context, Long timestamp) {
    String key = EventKeys.keyOf(event);
    long eventTime = EventKeys.headerOf(event).getOccurredAt().toEpochMilli();
    return new ProducerRecord<>(
        topic,
        null,
        stampOf(eventTime, System.currentTimeMillis()),
        key.getBytes(StandardCharsets.UTF_8),
        serializer.serialize(topic, event));
  }
}
