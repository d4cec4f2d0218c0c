package dev.agentos.deploy.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.schemas.registry.RegisteredSchema;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import dev.agentos.schemas.registry.SchemaRegistryException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The project's own client and serde (module schemas) against this server. */
class JavaClientInteropTest {

  static final Schema V1 =
      SchemaBuilder.record("Ping").namespace("test").fields().requiredString("from").endRecord();
  static final Schema V2 =
      SchemaBuilder.record("Ping")
          .namespace("test")
          .fields()
          .requiredString("from")
          .name("hops")
          .type()
          .intType()
          .intDefault(0)
          .endRecord();

  TestRegistry registry;
  SchemaRegistryClient client;

  @BeforeEach
  void start() throws Exception {
    registry = new TestRegistry();
    client = SchemaRegistryClient.connect(registry.url());
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void clientCallsMatchTheServer() {
    int v1 = client.register("pings", V1);
    assertThat(client.testCompatibility("pings", V2).compatible()).isTrue();
    int v2 = client.register("pings", V2);

    assertThat(client.getById(v1)).isEqualTo(V1);
    assertThat(client.getId("pings", V2)).isEqualTo(v2);
    assertThat(client.getLatest("pings")).isEqualTo(new RegisteredSchema("pings", 2, v2, V2));
    assertThat(client.getVersion("pings", 1)).isEqualTo(new RegisteredSchema("pings", 1, v1, V1));
  }

  @Test
  void clientErrorsCarryTheServersCodes() {
    assertThatThrownBy(() -> client.getById(404))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    assertThatThrownBy(() -> client.getLatest("nobody"))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
  }

  @Test
  void serdeRoundTripsThroughTheServer() {
    Map<String, Object> config =
        Map.of(
            RegistrySerdeConfig.SCHEMA_REGISTRY_URL,
            registry.url(),
            RegistrySerdeConfig.SPECIFIC_AVRO_READER,
            false);
    try (RegistryAvroSerializer<GenericRecord> serializer = new RegistryAvroSerializer<>();
        RegistryAvroDeserializer<GenericRecord> deserializer = new RegistryAvroDeserializer<>()) {
      serializer.configure(config, false);
      deserializer.configure(config, false);
      GenericRecord ping = new GenericData.Record(V1);
      ping.put("from", "java");

      GenericRecord read = deserializer.deserialize("net", serializer.serialize("net", ping));

      assertThat(read.get("from").toString()).isEqualTo("java");
      assertThat(registry.get("/subjects").text()).isEqualTo("[\"net-test.Ping\"]");
    }
  }

  @Test
  void unknownIdFromTheServerIsASerializationError() {
    try (RegistryAvroDeserializer<Object> deserializer = new RegistryAvroDeserializer<>()) {
      deserializer.configure(
          Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);

      assertThatThrownBy(() -> deserializer.deserialize("net", new byte[] {0, 0, 0, 0, 9, 0}))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("schema id 9 is unknown to the schema registry")
          .hasMessageContaining("Schema 9 not found");
    }
  }
}
