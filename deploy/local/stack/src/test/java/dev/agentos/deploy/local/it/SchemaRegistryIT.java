package dev.agentos.deploy.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.schemas.registry.RegisteredSchema;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import dev.agentos.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stack's schema registry answers as Confluent's does: registrations, lookups, compatibility,
 * and the same error codes for bad input, which stores nothing. Subjects are unique per run, so the
 * test passes against a stack that is already in use.
 */
@ExtendWith(LocalStackExtension.class)
class SchemaRegistryIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static final Schema V1 =
      SchemaBuilder.record("SessionStarted")
          .namespace("dev.agentos.it")
          .fields()
          .requiredString("sessionId")
          .endRecord();
  static final Schema V2_WITH_DEFAULT =
      SchemaBuilder.record("SessionStarted")
          .namespace("dev.agentos.it")
          .fields()
          .requiredString("sessionId")
          .name("agent")
          .type()
          .stringType()
          .stringDefault("unknown")
          .endRecord();
  static final Schema V2_WITHOUT_DEFAULT =
      SchemaBuilder.record("SessionStarted")
          .namespace("dev.agentos.it")
          .fields()
          .requiredString("sessionId")
          .requiredString("agent")
          .endRecord();

  static StackEndpoints stack;
  static SchemaRegistryClient client;
  static String run;

  record Reply(int status, JsonNode json) {
    int errorCode() {
      return json.path("error_code").asInt();
    }
  }

  @BeforeAll
  static void connect(StackEndpoints endpoints) {
    stack = endpoints;
    client = SchemaRegistryClient.connect(endpoints.schemaRegistryUrl());
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  static String subject(String name) {
    return "it-" + run + "-" + name;
  }

  static Reply send(String method, String path, Object body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .method(
                method,
                body == null
                    ? BodyPublishers.noBody()
                    : BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
    var response = HTTP.send(request, BodyHandlers.ofString());
    return new Reply(response.statusCode(), JSON.readTree(response.body()));
  }

  @Test
  void registersLooksUpAndFetchesById() {
    String subject = subject("register");

    int id = client.register(subject, V1);

    assertThat(client.register(subject, V1)).as("same schema, same id").isEqualTo(id);
    assertThat(SchemaRegistryClient.connect(stack.schemaRegistryUrl()).getById(id)).isEqualTo(V1);
    assertThat(client.getId(subject, V1)).isEqualTo(id);
    assertThat(client.getLatest(subject)).isEqualTo(new RegisteredSchema(subject, 1, id, V1));
    assertThat(client.register(subject("other"), V1)).as("ids are global").isEqualTo(id);
  }

  @Test
  void checksCompatibilityAndRefusesAnIncompatibleVersion() throws Exception {
    String subject = subject("compat");
    client.register(subject, V1);

    assertThat(client.testCompatibility(subject, V2_WITH_DEFAULT).compatible()).isTrue();
    var refused = client.testCompatibility(subject, V2_WITHOUT_DEFAULT);
    assertThat(refused.compatible()).isFalse();
    assertThat(refused.messages()).anySatisfy(m -> assertThat(m).contains("agent"));

    Reply reply =
        send(
            "POST",
            "/subjects/" + subject + "/versions",
            Map.of("schema", V2_WITHOUT_DEFAULT.toString()));
    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.errorCode()).isEqualTo(409);
    assertThat(send("GET", "/subjects/" + subject + "/versions", null).json().toString())
        .as("nothing stored")
        .isEqualTo("[1]");

    int v2 = client.register(subject, V2_WITH_DEFAULT);
    assertThat(client.getLatest(subject).version()).isEqualTo(2);
    assertThat(client.getLatest(subject).id()).isEqualTo(v2);
  }

  @Test
  void anInvalidSchemaIs42201AndCreatesNoSubject() throws Exception {
    String subject = subject("invalid");

    Reply reply =
        send(
            "POST",
            "/subjects/" + subject + "/versions",
            Map.of("schema", "{\"type\":\"record\"}"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42201);
    assertThat(send("GET", "/subjects/" + subject + "/versions", null).errorCode())
        .isEqualTo(40401);
  }

  @Test
  void unknownSubjectVersionAndIdAnswerConfluentsCodes() throws Exception {
    String subject = subject("known");
    client.register(subject, V1);

    Reply unknownSubject = send("GET", "/subjects/" + subject("nobody") + "/versions/latest", null);
    assertThat(unknownSubject.status()).isEqualTo(404);
    assertThat(unknownSubject.errorCode()).isEqualTo(40401);

    Reply unknownVersion = send("GET", "/subjects/" + subject + "/versions/99", null);
    assertThat(unknownVersion.status()).isEqualTo(404);
    assertThat(unknownVersion.errorCode()).isEqualTo(40402);

    assertThatThrownBy(() -> client.getById(Integer.MAX_VALUE))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(404);
              assertThat(e.errorCode()).isEqualTo(40403);
            });
  }

  @Test
  void compatibilityLevelsArePerSubject() throws Exception {
    String subject = subject("config");

    assertThat(send("GET", "/config/" + subject, null).errorCode()).isEqualTo(40408);
    assertThat(send("PUT", "/config/" + subject, Map.of("compatibility", "NONE")).status())
        .isEqualTo(200);
    assertThat(send("GET", "/config/" + subject, null).json().get("compatibilityLevel").asText())
        .isEqualTo("NONE");
    assertThat(send("PUT", "/config/" + subject, Map.of("compatibility", "SIDEWAYS")).errorCode())
        .isEqualTo(42203);

    client.register(subject, V1);
    client.register(subject, V2_WITHOUT_DEFAULT);
    assertThat(client.getLatest(subject).version()).isEqualTo(2);
  }

  /** What survives a restart of the registry: the compacted topic it replays. */
  @Test
  void registrationsAreKeptInTheCompactedSchemasTopic() throws IOException {
    String subject = subject("durable");
    int id = client.register(subject, V1);

    List<String> values = new ArrayList<>();
    Map<String, Object> config = Map.of("bootstrap.servers", stack.kafkaBootstrapServers());
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition("_schemas", 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
          values.add(record.value());
        }
      }
    }

    assertThat(values)
        .anySatisfy(
            value -> {
              JsonNode json = JSON.readTree(value);
              assertThat(json.path("subject").asText()).isEqualTo(subject);
              assertThat(json.path("id").asInt()).isEqualTo(id);
            });
  }
}
