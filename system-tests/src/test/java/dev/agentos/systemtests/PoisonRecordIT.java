package dev.agentos.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.client.AgentOsApiException;
import dev.agentos.client.AgentOsClient;
import dev.agentos.client.CommandApi;
import dev.agentos.client.QueryApi;
import dev.agentos.client.command.CreateContext;
import dev.agentos.client.command.StoreMemory;
import dev.agentos.client.query.Search;
import dev.agentos.client.query.SearchMode;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.events.memory.MemoryEmbedding;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.events.metrics.MetricKind;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.Topics;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Records no store can ever take, produced straight to Kafka as a careless or hostile producer
 * would: each must become a dead letter with the reason, and the pipeline must go on: a memory
 * stored afterwards through the API is found by search within seconds, a metric sent afterwards
 * lands in InfluxDB.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonRecordIT {

  /** How long a dead letter may take: the processors may still be starting. */
  private static final Duration SET_ASIDE = Duration.ofSeconds(90);

  /** How soon what comes after a poison record must be readable: the pipeline did not stop. */
  private static final Duration STILL_FLOWING = Duration.ofSeconds(15);

  /** Memory-search's segments (application.yml): a poison record per segment stalls them all. */
  private static final int SEARCH_SEGMENTS = 4;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String tenant = "st-poison-" + run;
  private final List<RecordDeadLettered> letters = new CopyOnWriteArrayList<>();
  private StackEndpoints stack;
  private KafkaProducer<String, Object> avro;
  private KafkaConsumer<String, Object> deadLetters;
  private CommandApi commands;
  private QueryApi queries;

  @BeforeAll
  void start(StackEndpoints stack) {
    this.stack = stack;
    Tenants tenants = new Tenants(stack);
    AgentOsClient client = tenants.newClient(tenant, "st-project");
    commands = client.commands();
    queries = client.queries();
    avro = producer();
    deadLetters = deadLetterConsumer();
  }

  @AfterAll
  void stop() {
    avro.close();
    deadLetters.close();
  }

  @Test
  void aMetadataValueElasticsearchRefusesIsADeadLetterAndSearchGoesOn() throws Exception {
    String context = newContext();
    List<RecordMetadata> sent = new ArrayList<>();
    // One per memory-search segment: before the fix each of them stopped its segment for good.
    for (String memoryId : idsCoveringSegments(SEARCH_SEGMENTS)) {
      MemoryStored poison = memory(memoryId, context);
      poison.setMetadata(Map.of("blob", "x".repeat(40_000)));
      sent.add(sendMemory(poison));
    }

    for (RecordMetadata record : sent) {
      assertThat(awaitDeadLetter(record, "memory-search").getReason())
          .contains("memory index refused memory")
          .contains("document_parsing_exception")
          .contains("caused by illegal_argument_exception")
          .contains("longer than the allowed max length of 32766 bytes");
    }
    assertStillFlowing(context);
  }

  @Test
  void vectorsAndNumbersElasticsearchCannotStoreAreDeadLettersAndSearchGoesOn() throws Exception {
    String context = newContext();
    MemoryStored zeroVector = memory("st-zero-" + UUID.randomUUID(), context);
    zeroVector.setEmbedding(new MemoryEmbedding("bge-small-en-v1.5", Collections.nCopies(384, 0f)));
    MemoryStored notFinite = memory("st-nan-" + UUID.randomUUID(), context);
    notFinite.setConfidence(Float.NaN);

    RecordMetadata zero = sendMemory(zeroVector);
    RecordMetadata nan = sendMemory(notFinite);

    assertThat(awaitDeadLetter(zero, "memory-search").getReason())
        .contains("memory index refused memory " + zeroVector.getMemoryId());
    assertThat(awaitDeadLetter(nan, "memory-search").getReason())
        .contains("memory index refused memory " + notFinite.getMemoryId());
    assertStillFlowing(context);
  }

  @Test
  void aMemoryIdOverTheStoresKeyLimitsIsADeadLetterOfEachReadModel() throws Exception {
    String context = newContext();
    // Elasticsearch takes ids of 512 bytes at most, Cassandra partition keys of 64 KiB.
    MemoryStored longId = memory("st-long-" + "i".repeat(70_000), context);

    RecordMetadata sent = sendMemory(longId);

    assertThat(awaitDeadLetter(sent, "memory-search").getReason())
        .contains("(70008 chars): 400 action_request_validation_exception: Validation Failed");
    RecordDeadLettered cassandra = awaitDeadLetter(sent, "memory-cassandra");
    assertThat(cassandra.getReason()).startsWith("Cassandra refused MemoryStored: ");
    assertThat(cassandra.getKey().remaining()).isEqualTo(4_096);
    assertStillFlowing(context);
  }

  @Test
  void aTagOverCassandrasIndexLimitDoesNotStopTheReadModels() throws Exception {
    String context = newContext();
    MemoryStored longTag = memory("st-tag-" + UUID.randomUUID(), context);
    longTag.setTags(List.of("t".repeat(20_000)));

    sendMemory(longTag);

    assertStillFlowing(context);
  }

  @Test
  void aMetricOutsideInfluxsTimeRangeIsADeadLetterAndMetricsGoOn() throws Exception {
    String name = "st.poison.range." + run;
    List<RecordMetadata> sent = new ArrayList<>();
    for (String series : idsCoveringSegments(2)) {
      MetricRecorded inYear3000 = metric(name, 1, Instant.parse("3000-01-01T00:00:00Z"));
      sent.add(avro.send(new ProducerRecord<>(Topics.METRICS.name(), series, inYear3000)).get());
    }

    for (RecordMetadata record : sent) {
      assertThat(awaitDeadLetter(record, "metrics-influx").getReason())
          .contains("header.occurredAt 3000-01-01T00:00:00Z is outside InfluxDB's time range");
    }
    avro.send(new ProducerRecord<>(Topics.METRICS.name(), "s", metric(name, 7, Instant.now())))
        .get();
    awaitInInflux(name, 1);
  }

  @Test
  void aMetricWhoseFieldTypeConflictsIsADeadLetterAndTheRestOfItsBatchIsWritten() throws Exception {
    String name = "st.poison.conflict." + run;
    // Another writer made the measurement's value a string; ours is a float.
    influx("write", "db=agentos", name + ",tenant_id=other value=\"text\"");

    RecordMetadata conflicting =
        avro.send(new ProducerRecord<>(Topics.METRICS.name(), "c", metric(name, 1, Instant.now())))
            .get();

    assertThat(awaitDeadLetter(conflicting, "metrics-influx").getReason())
        .contains("InfluxDB refused point " + name)
        .contains("field type conflict");
    String other = "st.poison.after-conflict." + run;
    avro.send(new ProducerRecord<>(Topics.METRICS.name(), "c", metric(other, 2, Instant.now())))
        .get();
    awaitInInflux(other, 1);
  }

  @Test
  void aRawRecordNearTheLimitWithLargeHeadersIsADeadLetterAndDedupGoesOn() throws Exception {
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", new byte[150_000]);
    for (int i = 0; i < 100; i++) {
      headers.add("h" + i, new byte[1_500]);
    }
    byte[] garbage = new byte[700_000];
    garbage[0] = 7; // not the wire format's magic byte
    RecordMetadata raw;
    try (KafkaProducer<String, byte[]> bytes = bytesProducer()) {
      raw =
          bytes
              .send(new ProducerRecord<>(Topics.METRICS_RAW.name(), null, "big", garbage, headers))
              .get();
    }

    RecordDeadLettered letter = awaitDeadLetter(raw, "agentos-dedup");
    assertThat(letter.getReason())
        .startsWith("undecodable")
        .contains("[dead letter truncated: value 700000 bytes to 65536")
        .contains("header values to 1024 bytes: trace 150000");
    String name = "st.poison.after-raw." + run;
    avro.send(new ProducerRecord<>(Topics.METRICS_RAW.name(), "s", metric(name, 3, Instant.now())))
        .get();
    awaitInInflux(name, 1);
  }

  @Test
  void theProcessorsHealthTellsNoStalledSegmentOnceThePoisonIsSetAside() throws Exception {
    String projections = stack.application("projections.url").orElseThrow();
    HttpResponse<String> health =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(projections + "/actuator/health")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    JsonNode processors = JSON.readTree(health.body()).at("/components/processors");
    assertThat(processors.path("status").asText()).as(health.body()).isEqualTo("UP");
  }

  /** A memory stored now through the API is found by search and read by id within seconds. */
  private void assertStillFlowing(String context) {
    String word = "zebrafish" + run.replaceAll("[^a-z]", "");
    String id =
        commands
            .storeMemory(
                StoreMemory.of(
                    context,
                    dev.agentos.client.command.MemoryType.FACT,
                    "The " + word + " test runs"))
            .id();
    await()
        .atMost(STILL_FLOWING)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptionsInstanceOf(AgentOsApiException.class)
        .untilAsserted(
            () -> {
              assertThat(
                      queries.search(Search.in(context, word, SearchMode.KEYWORD, 10)).memoryIds())
                  .contains(id);
              assertThat(Answers.statusOf(() -> queries.memory(id))).isEqualTo(200);
            });
  }

  private RecordDeadLettered awaitDeadLetter(RecordMetadata source, String stage) {
    return await()
        .atMost(SET_ASIDE)
        .pollInterval(Duration.ZERO)
        .until(
            () -> {
              deadLetters
                  .poll(Duration.ofMillis(500))
                  .forEach(r -> letters.add((RecordDeadLettered) r.value()));
              return letters.stream()
                  .filter(
                      l ->
                          l.getStage().equals(stage)
                              && l.getSourceTopic().equals(source.topic())
                              && l.getSourcePartition() == source.partition()
                              && l.getSourceOffset() == source.offset())
                  .findFirst()
                  .orElse(null);
            },
            letter -> letter != null);
  }

  private void awaitInInflux(String measurement, int points) {
    String query = encode("SELECT count(value) FROM \"" + measurement + "\"");
    await()
        .atMost(STILL_FLOWING.multipliedBy(2))
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () ->
                assertThat(
                        JSON.readTree(influx("query", "db=agentos&q=" + query, null))
                            .at("/results/0/series/0/values/0/1")
                            .asInt())
                    .as("points of %s in InfluxDB", measurement)
                    .isEqualTo(points));
  }

  private String influx(String endpoint, String query, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.influxdbUrl() + "/" + endpoint + "?" + query));
    HttpResponse<String> response =
        HTTP.send(
            body == null
                ? request.GET().build()
                : request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return response.body();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private RecordMetadata sendMemory(MemoryStored memory) throws Exception {
    ProducerRecord<String, Object> record =
        new ProducerRecord<>(Topics.MEMORY.name(), memory.getMemoryId(), memory);
    // As the publisher writes it: the memory's sequence orders it in the read models.
    record.headers().add("agentos.aggregate-sequence", "0".getBytes(StandardCharsets.UTF_8));
    return avro.send(record).get();
  }

  /** Memory ids whose record keys fall in every one of {@code segments} processor segments. */
  private static List<String> idsCoveringSegments(int segments) {
    List<String> ids = new ArrayList<>();
    boolean[] covered = new boolean[segments];
    while (ids.size() < segments) {
      String id = "st-poison-" + UUID.randomUUID();
      int segment = id.hashCode() & (segments - 1);
      if (!covered[segment]) {
        covered[segment] = true;
        ids.add(id);
      }
    }
    return ids;
  }

  private String newContext() {
    String id = "st-ctx-" + UUID.randomUUID();
    commands.createContext(CreateContext.of(id, "poison " + id));
    return id;
  }

  private EventHeader header(Instant at) {
    return EventHeader.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(at)
        .setTenantId(tenant)
        .setProjectId("st-project")
        .setAgentId("st-agent")
        .setSource("poison-it")
        .build();
  }

  private MemoryStored memory(String memoryId, String context) {
    return MemoryStored.newBuilder()
        .setHeader(header(Instant.now()))
        .setMemoryId(memoryId)
        .setContextId(context)
        .setType(MemoryType.FACT)
        .setContent("poison " + memoryId)
        .setContentHash("sha256:" + Integer.toHexString(memoryId.hashCode()))
        .setTags(new ArrayList<>())
        .setMetadata(Map.of())
        .setConfidence(0.5f)
        .build();
  }

  private MetricRecorded metric(String name, double value, Instant at) {
    return MetricRecorded.newBuilder()
        .setHeader(header(at))
        .setName(name)
        .setKind(MetricKind.GAUGE)
        .setValue(value)
        .setUnit("1")
        .build();
  }

  private KafkaProducer<String, Object> producer() {
    RegistryAvroSerializer<Object> values = new RegistryAvroSerializer<>();
    values.configure(
        Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
        new StringSerializer(),
        values);
  }

  private KafkaProducer<String, byte[]> bytesProducer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrapServers(),
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            2_000_000),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private KafkaConsumer<String, Object> deadLetterConsumer() {
    RegistryAvroDeserializer<Object> values = new RegistryAvroDeserializer<>();
    values.configure(
        Map.of(
            RegistrySerdeConfig.SCHEMA_REGISTRY_URL,
            stack.schemaRegistryUrl(),
            RegistrySerdeConfig.SPECIFIC_AVRO_READER,
            true),
        false);
    KafkaConsumer<String, Object> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "poison-it-" + run,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            values);
    consumer.subscribe(List.of(Topics.DEAD_LETTERS.name()));
    return consumer;
  }
}
