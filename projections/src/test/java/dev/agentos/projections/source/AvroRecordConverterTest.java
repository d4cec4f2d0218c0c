package dev.agentos.projections.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.memory.MemoryStored;
import dev.agentos.schemas.registry.InMemorySchemaRegistryClient;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;

class AvroRecordConverterTest {

  private static final String TOPIC = "agentos.memory.v1";

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final AvroRecordConverter converter =
      new AvroRecordConverter(new RegistryAvroDeserializer<>(registry));

  @Test
  void aWireFormatRecordBecomesAnEventWithTheGeneratedClassAndTheHeadersId() {
    MemoryStored stored = SourceFixtures.memoryStored("event-1", "memory-1", "uses Gradle");
    ConsumerRecord<String, byte[]> record = record(7, "memory-1", encode(stored));

    EventMessage<?> event = converter.readKafkaMessage(record).orElseThrow();

    assertThat(event.getPayload()).isEqualTo(stored);
    assertThat(event.getPayloadType()).isEqualTo(MemoryStored.class);
    assertThat(event.getIdentifier()).isEqualTo("event-1");
    assertThat(event.getTimestamp()).isEqualTo(SourceFixtures.AT);
    KafkaRecordOrigin origin = KafkaRecordOrigin.of(event);
    assertThat(origin.describe()).isEqualTo(TOPIC + "/2@7");
    assertThat(origin.key()).isEqualTo("memory-1");
    assertThat(origin.value()).isEqualTo(record.value());
  }

  @Test
  void garbageBytesBecomeAnUndecodableRecordThatKeepsTheBytes() {
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);

    EventMessage<?> event = converter.readKafkaMessage(record(8, "k", garbage)).orElseThrow();

    assertThat(event.getPayload()).isInstanceOf(UndecodableRecord.class);
    UndecodableRecord undecodable = (UndecodableRecord) event.getPayload();
    assertThat(undecodable.reason()).contains("magic");
    assertThat(undecodable.errorClass()).isNotBlank();
    assertThat(undecodable.origin().value()).isEqualTo(garbage);
    assertThat(undecodable.origin().offset()).isEqualTo(8);
  }

  @Test
  void aSchemaIdUnknownToTheRegistryIsUndecodable() {
    byte[] unknownId = {0, 0, 0, 0x7f, 0x7f, 1, 2};

    EventMessage<?> event = converter.readKafkaMessage(record(9, "k", unknownId)).orElseThrow();

    assertThat(((UndecodableRecord) event.getPayload()).reason()).contains("unknown");
  }

  @Test
  void aTombstoneIsUndecodable() {
    EventMessage<?> event = converter.readKafkaMessage(record(10, "k", null)).orElseThrow();

    assertThat(((UndecodableRecord) event.getPayload()).reason()).contains("tombstone");
  }

  private byte[] encode(SpecificRecord event) {
    try (RegistryAvroSerializer<SpecificRecord> serializer =
        new RegistryAvroSerializer<>(registry)) {
      serializer.configure(Map.of("schema.registry.url", "mock://unused"), false);
      return serializer.serialize(TOPIC, event);
    }
  }

  private static ConsumerRecord<String, byte[]> record(long offset, String key, byte[] value) {
    return new ConsumerRecord<>(TOPIC, 2, offset, key, value);
  }
}
