package dev.agentos.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.interactions.ConversationTurnRecorded;
import dev.agentos.events.interactions.TurnRole;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import dev.agentos.schemas.registry.TopicRecordNameStrategy;
import dev.agentos.schemas.registry.WireFormat;
import dev.agentos.schemas.topics.EventKeys;
import dev.agentos.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /v1/events} over HTTP against the real stack: what is accepted is in Kafka as the
 * registry's wire format with the caller's header, what is rejected is not, and the dedup stage
 * running inside the app lets one eventId through to the canonical topic once, however it came.
 */
@ExtendWith({LocalStackExtension.class, CommandSideExtension.class})
class IngestApiIT {

  private static final String PROJECT = "ingest-it";
  private static final Duration CANONICAL_WAIT = Duration.ofSeconds(120);

  private RunningCommandSide app;
  private SchemaRegistryClient registry;
  private String agentId;
  private ApiClient agent;
  private String session;

  @BeforeEach
  void anAgentWithAnEventsKey(RunningCommandSide app) {
    this.app = app;
    registry = SchemaRegistryClient.connect(app.stack().schemaRegistryUrl());
    agentId = "ingest-agent-" + UUID.randomUUID();
    var registered =
        app.admin()
            .post(
                "/v1/agents",
                Map.of(
                    "agentId", agentId, "projectId", PROJECT, "displayName", "I", "client", "c"));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    agent = app.as(issueKey(agentId, "EVENTS_WRITE"));
    session = "session-" + UUID.randomUUID();
  }

  @Test
  void anAcceptedEventIsInTheRawTopicAndARejectedOneIsNot() throws Exception {
    String accepted = UUID.randomUUID().toString();
    String rejected = UUID.randomUUID().toString();

    var answer = agent.post("/v1/events", batch(turn(accepted, "USER"), turn(rejected, "BOSS")));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(207);
    JsonNode results = answer.json().get("results");
    assertThat(results.get(0).get("status").asText()).isEqualTo("accepted");
    assertThat(results.get(0).get("eventId").asText()).isEqualTo(accepted);
    assertThat(results.get(1).get("status").asText()).isEqualTo("rejected");
    assertThat(results.get(1).get("errors").get(0).get("field").asText())
        .isEqualTo("events[1].role");

    TopicPartition partition =
        new TopicPartition(
            results.get(0).get("topic").asText(), results.get(0).get("partition").asInt());
    assertThat(partition.topic()).isEqualTo(Topics.INTERACTIONS_RAW.name());
    List<ConsumerRecord<String, byte[]>> written =
        readRaw(partition, results.get(0).get("offset").asLong());

    ConsumerRecord<String, byte[]> record = written.get(0);
    assertThat(record.key()).isEqualTo(session);
    ByteBuffer value = ByteBuffer.wrap(record.value());
    int schemaId = WireFormat.readSchemaId(value, partition.topic());
    Schema schema = ConversationTurnRecorded.getClassSchema();
    assertThat(SchemaNormalization.toParsingForm(registry.getById(schemaId)))
        .isEqualTo(SchemaNormalization.toParsingForm(schema));
    assertThat(registry.getId(TopicRecordNameStrategy.subject(partition.topic(), schema), schema))
        .isEqualTo(schemaId);

    ConversationTurnRecorded event = (ConversationTurnRecorded) decode(record);
    EventHeader header = event.getHeader();
    assertThat(header.getEventId()).isEqualTo(accepted);
    assertThat(header.getTenantId()).isEqualTo(app.tenantId());
    assertThat(header.getProjectId()).isEqualTo(PROJECT);
    assertThat(header.getAgentId()).isEqualTo(agentId);
    assertThat(header.getSessionId()).isEqualTo(session);
    assertThat(header.getSource()).isEqualTo("http-gateway");
    assertThat(event.getContent()).isEqualTo("turn " + accepted);

    // Both share the session, so the rejected one would have followed on the same partition.
    assertThat(written).extracting(r -> eventIdOf(r)).doesNotContain(rejected);
  }

  @Test
  void theSameEventIdSentTwiceOverHttpReachesTheCanonicalTopicOnce() {
    TopicPartition canonical = canonicalPartition();
    long start = endOffset(canonical);
    String repeated = UUID.randomUUID().toString();
    String marker = UUID.randomUUID().toString();

    assertThat(agent.post("/v1/events", batch(turn(repeated, "USER"))).status()).isEqualTo(200);
    assertThat(agent.post("/v1/events", batch(turn(repeated, "USER"))).status()).isEqualTo(200);
    assertThat(agent.post("/v1/events", batch(turn(marker, "USER"))).status()).isEqualTo(200);

    assertThat(readCanonicalUntil(canonical, start, marker)).containsExactly(repeated, marker);
  }

  @Test
  void theSameEventIdOverHttpAndStraightToKafkaReachesTheCanonicalTopicOnce() throws Exception {
    TopicPartition canonical = canonicalPartition();
    long start = endOffset(canonical);
    String repeated = UUID.randomUUID().toString();
    String marker = UUID.randomUUID().toString();

    assertThat(agent.post("/v1/events", batch(turn(repeated, "USER"))).status()).isEqualTo(200);
    ConversationTurnRecorded direct = directTurn(repeated);
    try (KafkaProducer<String, Object> producer = directProducer()) {
      producer
          .send(
              new ProducerRecord<>(Topics.INTERACTIONS_RAW.name(), EventKeys.keyOf(direct), direct))
          .get();
    }
    assertThat(agent.post("/v1/events", batch(turn(marker, "USER"))).status()).isEqualTo(200);

    assertThat(readCanonicalUntil(canonical, start, marker)).containsExactly(repeated, marker);
  }

  @Test
  void anAllRejectedBatchIs422AndListsEveryEvent() {
    var answer =
        agent.post(
            "/v1/events",
            batch(Map.of("type", "NoSuchEvent"), Map.of("type", "MetricRecorded", "header", 1)));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
    assertThat(answer.json().get("rejected").asInt()).isEqualTo(2);
    assertThat(answer.json().get("results").get(0).get("errors").get(0).get("reason").asText())
        .contains("ConversationTurnRecorded");
  }

  @Test
  void aKeyWithoutEventsWriteIsForbidden() {
    var answer =
        app.as(issueKey(agentId, "MEMORY_READ"))
            .post("/v1/events", batch(turn(UUID.randomUUID().toString(), "USER")));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("detail").asText()).contains("EVENTS_WRITE");
  }

  @Test
  void moreEventsThanTheLimitAre413() {
    List<Object> events = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      events.add(Map.of("type", "MetricRecorded"));
    }

    var answer = agent.post("/v1/events", Map.of("events", events));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
    assertThat(answer.json().get("detail").asText()).contains("1001 events");
  }

  @Test
  void aChunkedBodyOverTheByteLimitIs413() {
    var answer = agent.postChunked("/v1/events", oversizeBody().getBytes(StandardCharsets.UTF_8));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void aDeclaredLengthOverTheByteLimitIs413() {
    var answer = agent.post("/v1/events", oversizeBody());

    assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
  }

  // --- helpers -------------------------------------------------------------------------------

  /** A valid batch just over 5 MB: only its size is wrong. */
  private static String oversizeBody() {
    return "{\"events\": [{\"type\": \"ConversationTurnRecorded\", \"turnId\": \"t\","
        + " \"turnIndex\": 0, \"role\": \"USER\", \"content\": \""
        + "x".repeat(5 * 1024 * 1024)
        + "\"}]}";
  }

  private String issueKey(String agentId, String scope) {
    var issued =
        app.admin().post("/v1/agents/" + agentId + "/keys", Map.of("scopes", List.of(scope)));
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    return issued.json().get("key").asText();
  }

  private Map<String, Object> turn(String eventId, String role) {
    return Map.of(
        "type",
        "ConversationTurnRecorded",
        "eventId",
        eventId,
        "sessionId",
        session,
        "turnId",
        "turn-" + eventId,
        "turnIndex",
        0,
        "role",
        role,
        "content",
        "turn " + eventId);
  }

  private static Map<String, Object> batch(Object... events) {
    return Map.of("events", List.of(events));
  }

  /** The same event as an agent producing straight to Kafka would write it. */
  private ConversationTurnRecorded directTurn(String eventId) {
    return ConversationTurnRecorded.newBuilder()
        .setHeader(
            EventHeader.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setTenantId(app.tenantId())
                .setProjectId(PROJECT)
                .setAgentId(agentId)
                .setSessionId(session)
                .setSource("kafka")
                .build())
        .setTurnId("turn-" + eventId)
        .setTurnIndex(0)
        .setRole(TurnRole.USER)
        .setContent("turn " + eventId)
        .build();
  }

  private KafkaProducer<String, Object> directProducer() {
    RegistryAvroSerializer<Object> values = new RegistryAvroSerializer<>(registry);
    values.configure(Map.of(), false);
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            app.stack().kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true),
        new StringSerializer(),
        values);
  }

  /** The canonical partition this test's session lands on: Kafka's default keyed partitioning. */
  private TopicPartition canonicalPartition() {
    try (KafkaConsumer<String, byte[]> consumer = consumer("read_committed")) {
      int partitions = consumer.partitionsFor(Topics.INTERACTIONS.name()).size();
      byte[] key = session.getBytes(StandardCharsets.UTF_8);
      return new TopicPartition(
          Topics.INTERACTIONS.name(), Utils.toPositive(Utils.murmur2(key)) % partitions);
    }
  }

  private long endOffset(TopicPartition partition) {
    try (KafkaConsumer<String, byte[]> consumer = consumer("read_committed")) {
      return consumer.endOffsets(List.of(partition)).get(partition);
    }
  }

  /** Records of the raw partition from {@code offset} to its current end. */
  private List<ConsumerRecord<String, byte[]>> readRaw(TopicPartition partition, long offset) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer("read_uncommitted")) {
      consumer.assign(List.of(partition));
      consumer.seek(partition, offset);
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return consumer.position(partition) >= end;
              });
    }
    return records;
  }

  /**
   * The eventIds of this test's session on the canonical partition from {@code start} until {@code
   * marker} appears. The marker was sent last on the same key, so the dedup stage, which keeps
   * partition order, has passed on or dropped everything before it by then.
   */
  private List<String> readCanonicalUntil(TopicPartition partition, long start, String marker) {
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    try (KafkaConsumer<String, byte[]> consumer = consumer("read_committed")) {
      consumer.assign(List.of(partition));
      consumer.seek(partition, start);
      await()
          .atMost(CANONICAL_WAIT)
          .until(
              () -> {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                  var event = (ConversationTurnRecorded) decode(record);
                  if (session.equals(event.getHeader().getSessionId())) {
                    ids.add(event.getHeader().getEventId());
                  }
                }
                return ids.contains(marker);
              });
    }
    return ids;
  }

  private String eventIdOf(ConsumerRecord<String, byte[]> record) {
    Object event = decode(record);
    return event instanceof ConversationTurnRecorded turn ? turn.getHeader().getEventId() : null;
  }

  private Object decode(ConsumerRecord<String, byte[]> record) {
    RegistryAvroDeserializer<Object> values = new RegistryAvroDeserializer<>(registry);
    values.configure(Map.of(), false);
    return values.deserialize(record.topic(), record.value());
  }

  private KafkaConsumer<String, byte[]> consumer(String isolation) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            app.stack().kafkaBootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            isolation,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }
}
