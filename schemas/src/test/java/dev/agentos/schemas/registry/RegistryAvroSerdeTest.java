package dev.agentos.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.schemas.registry.fixtures.Greeting;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class RegistryAvroSerdeTest {

  static final String TOPIC = "agent-events";

  final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  final RegistryAvroSerializer<Object> serializer = new RegistryAvroSerializer<>(registry);
  final RegistryAvroDeserializer<Object> deserializer = new RegistryAvroDeserializer<>(registry);

  @Test
  void writesConfluentWireFormatUnderTopicRecordSubject() {
    byte[] bytes = serializer.serialize(TOPIC, new Greeting("hi", 3));

    int id =
        registry.getId(TOPIC + "-dev.agentos.schemas.registry.fixtures.Greeting", Greeting.SCHEMA$);
    assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    // Avro binary: string "hi" (zig-zag length 2 -> 4, 'h', 'i'), int 3 (zig-zag -> 6).
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).containsExactly(4, 'h', 'i', 6);
  }

  @Test
  void specificRecordsRoundTrip() {
    Object read =
        deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, new Greeting("hi", 3)));

    assertThat(read).isInstanceOf(Greeting.class);
    assertThat(((Greeting) read).text()).isEqualTo("hi");
    assertThat(((Greeting) read).loudness()).isEqualTo(3);
  }

  @Test
  void anOlderWriterSchemaIsResolvedIntoTheCurrentClass() {
    GenericRecord v1 = new GenericData.Record(Greeting.V1);
    v1.put("text", "old");

    Greeting read = (Greeting) deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, v1));

    assertThat(read.text()).isEqualTo("old");
    assertThat(read.loudness()).as("default of the added field").isEqualTo(1);
  }

  @Test
  void genericRecordsRoundTripWhenSpecificReaderIsOff() {
    Schema schema =
        SchemaBuilder.record("Unknown")
            .namespace("elsewhere")
            .fields()
            .requiredLong("n")
            .endRecord();
    GenericRecord record = new GenericData.Record(schema);
    record.put("n", 42L);
    deserializer.configure(Map.of(RegistrySerdeConfig.SPECIFIC_AVRO_READER, "false"), false);

    Object read = deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, record));

    assertThat(read).isInstanceOf(GenericRecord.class).isEqualTo(record);
  }

  @Test
  void specificReaderWithoutTheClassSaysWhichClassIsMissing() {
    Schema schema =
        SchemaBuilder.record("Unknown")
            .namespace("elsewhere")
            .fields()
            .requiredLong("n")
            .endRecord();
    GenericRecord record = new GenericData.Record(schema);
    record.put("n", 42L);
    byte[] bytes = serializer.serialize(TOPIC, record);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("no class elsewhere.Unknown")
        .hasMessageContaining("specific.avro.reader=false");
  }

  @Test
  void theSchemaIsRegisteredOnceAndFetchedOnceThroughTheCache() {
    CachingSchemaRegistryClient cached = new CachingSchemaRegistryClient(registry);
    RegistryAvroSerializer<Object> writer = new RegistryAvroSerializer<>(cached);
    RegistryAvroDeserializer<Object> reader =
        new RegistryAvroDeserializer<>(new CachingSchemaRegistryClient(registry));

    for (int i = 0; i < 3; i++) {
      reader.deserialize(TOPIC, writer.serialize(TOPIC, new Greeting("hi", i)));
    }

    assertThat(registry.calls).as("one register, one getById").isEqualTo(2);
  }

  @Test
  void unknownSchemaIdIsASerializationErrorNamingTheId() {
    byte[] bytes = {0, 0, 0, 0, 99, 2};

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 99 is unknown to the schema registry")
        .hasMessageContaining("topic '" + TOPIC + "'");
  }

  @Test
  void unknownMagicByteIsASerializationError() {
    assertThatThrownBy(
            () -> deserializer.deserialize(TOPIC, new byte[] {'{', '"', 'a', '"', ':', '1', '}'}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown magic byte 123");
  }

  @Test
  void withoutAutoRegisterAnUnregisteredSchemaIsRefused() {
    serializer.configure(Map.of(RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, new Greeting("hi", 1)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("auto.register.schemas=false")
        .hasMessageContaining(TOPIC + "-dev.agentos.schemas.registry.fixtures.Greeting");
  }

  @Test
  void withoutAutoRegisterARegisteredSchemaIsUsed() {
    int id =
        registry.register(
            TOPIC + "-dev.agentos.schemas.registry.fixtures.Greeting", Greeting.SCHEMA$);
    serializer.configure(Map.of(RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

    assertThat(ByteBuffer.wrap(serializer.serialize(TOPIC, new Greeting("hi", 1)), 1, 4).getInt())
        .isEqualTo(id);
  }

  @Test
  void anIncompatibleSchemaIsASerializationError() {
    serializer.serialize(TOPIC, new Greeting("hi", 1));
    Schema incompatible =
        SchemaBuilder.record("Greeting")
            .namespace("dev.agentos.schemas.registry.fixtures")
            .fields()
            .requiredInt("text")
            .endRecord();
    GenericRecord record = new GenericData.Record(incompatible);
    record.put("text", 1);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, record))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot register");
  }

  @Test
  void nullsPassThroughAsTombstones() {
    assertThat(serializer.serialize(TOPIC, null)).isNull();
    assertThat(deserializer.deserialize(TOPIC, null)).isNull();
  }

  @Test
  void onlyAvroRecordsAreWritten() {
    assertThatThrownBy(() -> serializer.serialize(TOPIC, "plain string"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void configuredByKafkaWithoutAUrlIsAConfigError() {
    RegistryAvroSerializer<Object> unconfigured = new RegistryAvroSerializer<>();

    assertThatThrownBy(() -> unconfigured.configure(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void flagsDefaultToConfluentsDefaults() {
    RegistrySerdeConfig config =
        RegistrySerdeConfig.from(Map.of("schema.registry.url", "http://x"));
    assertThat(config).isEqualTo(new RegistrySerdeConfig("http://x", true, true));
    assertThatThrownBy(() -> RegistrySerdeConfig.from(Map.of("auto.register.schemas", "yes")))
        .isInstanceOf(ConfigException.class);
  }
}
