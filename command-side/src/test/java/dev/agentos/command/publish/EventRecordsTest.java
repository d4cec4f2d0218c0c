package dev.agentos.command.publish;

import static dev.agentos.command.publish.TestEvents.registered;
import static dev.agentos.command.publish.TestEvents.started;
import static dev.agentos.command.publish.TestEvents.stored;
import static dev.agentos.command.publish.TestEvents.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.agentos.events.agents.AgentRegistered;
import dev.agentos.events.derived.ModelTrained;
import dev.agentos.schemas.registry.InMemorySchemaRegistryClient;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import dev.agentos.schemas.registry.SchemaRegistryException;
import dev.agentos.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class EventRecordsTest {

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final EventRecords records = new EventRecords(serializer(registry), "publisher-1");

  @Test
  void canPublishAnAgentEventOnItsCanonicalTopicKeyedByTheAgent() throws Exception {
    AgentRegistered event = registered("agent-7");

    ProducerRecord<String, byte[]> record = records.recordOf(stored("agent-7", 3, event), 42);

    assertThat(record.topic()).isEqualTo(Topics.AGENTS.name());
    assertThat(record.key()).isEqualTo("agent-7");
    assertThat(decode(record)).isEqualTo(event);
    int schemaId = ByteBuffer.wrap(record.value(), 1, 4).getInt();
    assertThat(registry.getById(schemaId)).isEqualTo(AgentRegistered.getClassSchema());
    assertThat(text(record.headers(), EventRecords.EVENT_TYPE))
        .isEqualTo("dev.agentos.events.agents.AgentRegistered");
    assertThat(text(record.headers(), EventRecords.GLOBAL_INDEX)).isEqualTo("42");
    assertThat(text(record.headers(), EventRecords.AGGREGATE_ID)).isEqualTo("agent-7");
    assertThat(text(record.headers(), EventRecords.AGGREGATE_SEQUENCE)).isEqualTo("3");
    assertThat(text(record.headers(), EventRecords.PUBLISHER)).isEqualTo("publisher-1");
  }

  @Test
  void canPublishAnExecutionEventOnItsRawTopicKeyedBySession() throws Exception {
    ProducerRecord<String, byte[]> record =
        records.recordOf(stored("execution-1", 0, started("session-9")), 1);

    assertThat(record.topic()).isEqualTo(Topics.EXECUTIONS_RAW.name());
    assertThat(record.key()).isEqualTo("session-9");
  }

  @Test
  void cannotPublishAnEventNoTopicCarries() {
    ModelTrained derived = new ModelTrained();

    assertThatThrownBy(() -> records.recordOf(stored("m", 0, derived), 1))
        .isInstanceOf(UnpublishableEventException.class)
        .hasMessageContaining("no topic carries ModelTrained");
  }

  @Test
  void cannotPublishAPayloadThatIsNoAvroEvent() {
    assertThatThrownBy(() -> records.recordOf(stored("a", 0, "just text"), 1))
        .isInstanceOf(UnpublishableEventException.class)
        .hasMessageContaining("java.lang.String, not an Avro event");
  }

  @Test
  void cannotPublishWithoutAKeyToKeepOrder() {
    AgentRegistered event = registered("");

    assertThatThrownBy(() -> records.recordOf(stored("a", 0, event), 1))
        .isInstanceOf(UnpublishableEventException.class)
        .hasMessageContaining("header.agentId");
  }

  @Test
  void cannotPublishWhileTheRegistryIsDownButDoesNotGiveUpTheEvent() {
    SchemaRegistryClient down = mock(SchemaRegistryClient.class);
    when(down.register(anyString(), any(Schema.class)))
        .thenThrow(
            new SchemaRegistryException(
                SchemaRegistryException.NO_ANSWER,
                SchemaRegistryException.NO_ANSWER,
                "connection refused",
                null));
    EventRecords blocked = new EventRecords(serializer(down), "publisher-1");

    // Not UnpublishableEventException: the publisher retries instead of dead-lettering.
    assertThatThrownBy(() -> blocked.recordOf(stored("a", 0, registered("a")), 1))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("connection refused");
  }

  private Object decode(ProducerRecord<String, byte[]> record) {
    RegistryAvroDeserializer<Object> reader = new RegistryAvroDeserializer<>(registry);
    reader.configure(Map.of(), false);
    return reader.deserialize(record.topic(), record.value());
  }

  static RegistryAvroSerializer<Object> serializer(SchemaRegistryClient registry) {
    RegistryAvroSerializer<Object> avro = new RegistryAvroSerializer<>(registry);
    avro.configure(Map.of(), false);
    return avro;
  }
}
