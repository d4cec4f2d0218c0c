package dev.agentos.projections.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryAccessKind;
import dev.agentos.events.memory.MemoryAccessed;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.events.metrics.MetricKind;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.projections.ProjectionsApplication;
import dev.agentos.projections.TokenRows;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.memory.MemoryReadModelQueries;
import dev.agentos.readmodels.memory.MemorySchema;
import dev.agentos.readmodels.search.MemoryFields;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.streams.StreamIds;
import dev.agentos.schemas.topics.EventKeys;
import dev.agentos.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The projections application on the real stack, its three read models in a keyspace, an index and
 * a database of this run: real Avro events published to Kafka reach Cassandra, Elasticsearch (with
 * a BGE vector computed by the projection) and InfluxDB, and publishing the same records again (a
 * redelivery, as the processors see it) changes none of them. A read ({@code MemoryAccessed}) is
 * counted in Cassandra only: the search index never sees it, so its memory document (and vector) is
 * not written again.
 */
@ExtendWith(LocalStackExtension.class)
class ReadModelsIT {

  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String keyspace = "it_wire_" + run;
  private final String alias = "it-wire-" + run;
  private final String database = "it_wire_" + run;
  private final String tenant = "tenant-" + run;
  private final String memoryId = "memory-" + run;

  @Test
  void eventsReachEveryReadModelOnceAndARedeliveryChangesNothing(StackEndpoints stack)
      throws Exception {
    Instant at = Instant.parse("2026-11-24T10:00:00.123Z");
    MemoryStored stored = stored(at);
    MemoryUpdated updated = updated(at.plusSeconds(1));
    MemoryAccessed accessed = accessed(at.plusSeconds(2));
    MetricRecorded metric = metric(at.plusSeconds(3));

    try (ConfigurableApplicationContext app = start(stack);
        KafkaProducer<String, byte[]> producer = producer(stack)) {
      awaitTokens(app);
      ProducerRecord<String, byte[]> access =
          record(stack, Topics.MEMORY_ACCESS.name(), "session-" + run, accessed, null);
      List<ProducerRecord<String, byte[]>> records =
          List.of(
              record(stack, Topics.MEMORY.name(), memoryId, stored, 0L),
              record(stack, Topics.MEMORY.name(), memoryId, updated, 1L),
              record(stack, Topics.METRICS.name(), "series-" + run, metric, null));
      send(producer, records);
      CqlSession cassandra = app.getBean(CqlSession.class);
      ElasticsearchClient elasticsearch = app.getBean(ElasticsearchClient.class);
      InfluxDB influx = app.getBean(InfluxDB.class);
      await()
          .atMost(Duration.ofSeconds(120))
          .untilAsserted(
              () -> {
                assertThat(memoryRow(cassandra)).as("Cassandra row").isNotNull();
                assertThat(
                        elasticsearch
                            .exists(e -> e.index(alias).id(StreamIds.of(tenant, memoryId)))
                            .value())
                    .as("search document")
                    .isTrue();
                assertThat(points(influx)).as("InfluxDB points").isNotEmpty();
              });
      // A memory is read once it is found.
      send(producer, List.of(access));
      awaitCommitted(app, 1, stored, updated, accessed, metric);

      Row row = memoryRow(cassandra);
      assertThat(row.getString("content")).isEqualTo("tabs, never spaces");
      assertThat(row.getLong("version")).as("stored is version 0").isEqualTo(1);
      assertThat(accessCount(cassandra)).isEqualTo(1);

      Map<String, Object> doc = document(elasticsearch);
      assertThat(doc.get(MemoryFields.CONTENT)).isEqualTo("tabs, never spaces");
      assertThat(doc.get(MemoryFields.EMBEDDING_MODEL)).isEqualTo(MemoryEmbedder.MODEL_NAME);
      assertThat((List<?>) doc.get(MemoryFields.EMBEDDING)).hasSize(MemoryEmbedder.DIMENSIONS);
      assertThat(doc).doesNotContainKeys("access_count", "access_event_ids");
      long seqNo = seqNo(elasticsearch);

      List<List<Object>> points = points(influx);
      assertThat(points).hasSize(1);
      assertThat(points.get(0)).contains(42.5, metric.getHeader().getEventId());

      String rowBefore = row.getFormattedContents();
      long accessesBefore = accessCount(cassandra);

      // The same records again: what a redelivery looks like.
      send(producer, records);
      send(producer, List.of(access));
      awaitCommitted(app, 2, stored, updated, accessed, metric);

      assertThat(memoryRow(cassandra).getFormattedContents()).isEqualTo(rowBefore);
      assertThat(accessCount(cassandra)).isEqualTo(accessesBefore);
      assertThat(document(elasticsearch)).isEqualTo(doc);
      assertThat(points(influx)).isEqualTo(points);

      // Another read: counted, and still no write of the memory's document.
      MemoryAccessed readAgain = accessed(at.plusSeconds(4));
      send(
          producer,
          List.of(record(stack, Topics.MEMORY_ACCESS.name(), "session-" + run, readAgain, null)));
      awaitCommitted(app, 1, readAgain);
      assertThat(accessCount(cassandra)).isEqualTo(accessesBefore + 1);
      assertThat(seqNo(elasticsearch)).as("writes of the memory's document").isEqualTo(seqNo);
      assertThat(app.getBean(CommittedEvents.InSearch.class).times(eventId(readAgain))).isZero();
    } finally {
      cleanUp(stack);
    }
  }

  private ConfigurableApplicationContext start(StackEndpoints stack) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.datasource.url=" + stack.postgresJdbcUrl());
    args.add("--spring.datasource.username=" + stack.postgresUser());
    args.add("--spring.datasource.password=" + stack.postgresPassword());
    args.add("--agentos.projections.kafka-bootstrap-servers=" + stack.kafkaBootstrapServers());
    args.add("--agentos.projections.schema-registry-url=" + stack.schemaRegistryUrl());
    args.add(
        "--agentos.projections.stores.cassandra.contact-point=" + stack.cassandraContactPoint());
    args.add("--agentos.projections.stores.cassandra.datacenter=" + stack.cassandraDatacenter());
    args.add("--agentos.projections.stores.cassandra.keyspace=" + keyspace);
    args.add("--agentos.projections.stores.elasticsearch.url=" + stack.elasticsearchUrl());
    args.add("--agentos.projections.stores.elasticsearch.alias=" + alias);
    args.add("--agentos.projections.stores.elasticsearch.index=" + alias + "-v1");
    args.add("--agentos.projections.stores.elasticsearch.embedding-cache=" + alias + "-embeddings");
    args.add("--agentos.projections.stores.influx.url=" + stack.influxdbUrl());
    args.add("--agentos.projections.stores.influx.database=" + database);
    for (String group : groups()) {
      // The shared topics hold many other runs' records: start at their end, under new names.
      args.add("--agentos.projections.processors." + group + ".name=" + processor(group));
      args.add("--agentos.projections.processors." + group + ".start-at=latest");
    }
    return new SpringApplicationBuilder(ProjectionsApplication.class, Witnesses.class)
        .run(args.toArray(String[]::new));
  }

  /** The witnesses of the batches' commits; the application's own beans come from its scan. */
  static class Witnesses {
    @Bean
    CommittedEvents.InCassandra inCassandra() {
      return new CommittedEvents.InCassandra();
    }

    @Bean
    CommittedEvents.InSearch inSearch() {
      return new CommittedEvents.InSearch();
    }

    @Bean
    CommittedEvents.InInflux inInflux() {
      return new CommittedEvents.InInflux();
    }
  }

  private static List<String> groups() {
    return List.of("memory-cassandra", "memory-search", "metrics-influx");
  }

  private String processor(String group) {
    return "it-wire-" + run + "-" + group;
  }

  /** A processor starting at the end must hold its tokens before anything is produced. */
  private void awaitTokens(ConfigurableApplicationContext app) {
    TokenStore tokens = app.getBean(TokenStore.class);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                groups().stream()
                    .allMatch(group -> tokens.fetchSegments(processor(group)).length > 0));
  }

  private static void awaitCommitted(
      ConfigurableApplicationContext app, int times, SpecificRecord... events) {
    CommittedEvents cassandra = app.getBean(CommittedEvents.InCassandra.class);
    CommittedEvents search = app.getBean(CommittedEvents.InSearch.class);
    CommittedEvents influx = app.getBean(CommittedEvents.InInflux.class);
    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () -> {
              for (SpecificRecord event : events) {
                String id = eventId(event);
                boolean isMetric = event instanceof MetricRecorded;
                String seen = id + " in " + cassandra + " " + search + " " + influx;
                assertThat(isMetric ? influx.times(id) : cassandra.times(id))
                    .as(seen)
                    .isEqualTo(times);
                if (!isMetric && !(event instanceof MemoryAccessed)) {
                  assertThat(search.times(id)).as(seen).isEqualTo(times);
                }
              }
            });
  }

  private Row memoryRow(CqlSession cassandra) {
    return cassandra
        .execute(
            "SELECT * FROM memories_by_id WHERE tenant_id = ? AND memory_id = ?", tenant, memoryId)
        .one();
  }

  private long accessCount(CqlSession cassandra) {
    return new MemoryReadModelQueries(cassandra).accessStats(tenant, memoryId).accessCount();
  }

  private static String eventId(SpecificRecord event) {
    return EventKeys.headerOf(event).getEventId();
  }

  /** The version of the memory's document: it grows with every write of it. */
  private long seqNo(ElasticsearchClient elasticsearch) throws Exception {
    return elasticsearch
        .get(g -> g.index(alias).id(StreamIds.of(tenant, memoryId)), Map.class)
        .seqNo();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Map<String, Object> document(ElasticsearchClient elasticsearch) throws Exception {
    GetResponse<Map> response =
        elasticsearch.get(g -> g.index(alias).id(StreamIds.of(tenant, memoryId)), Map.class);
    assertThat(response.found()).as("document of " + memoryId).isTrue();
    return response.source();
  }

  private List<List<Object>> points(InfluxDB influx) {
    // Only this run's series: start-at=latest may still hand the processor older records of
    // partitions that were empty when it started.
    String query = "SELECT * FROM tokens_used WHERE tenant_id = '" + tenant + "'";
    var results = influx.query(new Query(query, database)).getResults();
    if (results.isEmpty() || results.get(0).getSeries() == null) {
      return List.of();
    }
    return results.get(0).getSeries().get(0).getValues();
  }

  private void cleanUp(StackEndpoints stack) throws Exception {
    // Separate clients: the application's are closed by now.
    try (CqlSession admin =
        CqlSession.builder()
            .addContactPoint(
                new java.net.InetSocketAddress(
                    stack.cassandraContactPoint().split(":")[0],
                    Integer.parseInt(stack.cassandraContactPoint().split(":")[1])))
            .withLocalDatacenter(stack.cassandraDatacenter())
            .build()) {
      MemorySchema.singleNode(keyspace).drop(admin);
    }
    try (InfluxDB influx = org.influxdb.InfluxDBFactory.connect(stack.influxdbUrl())) {
      influx.query(new Query("DROP DATABASE " + database));
    }
    var http = java.net.http.HttpClient.newHttpClient();
    for (String index : List.of(alias + "-v1", alias + "-embeddings")) {
      http.send(
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create(stack.elasticsearchUrl() + "/" + index))
              .DELETE()
              .build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());
    }
    TokenRows.delete(stack, "it-wire-" + run + "-");
  }

  private static ProducerRecord<String, byte[]> record(
      StackEndpoints stack, String topic, String key, SpecificRecord event, Long sequence) {
    byte[] value;
    try (RegistryAvroSerializer<Object> serializer = new RegistryAvroSerializer<>()) {
      serializer.configure(
          Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
      value = serializer.serialize(topic, event);
    }
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
    if (sequence != null) {
      record
          .headers()
          .add("agentos.aggregate-sequence", sequence.toString().getBytes(StandardCharsets.UTF_8));
    }
    return record;
  }

  private static void send(
      KafkaProducer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records)
      throws Exception {
    for (ProducerRecord<String, byte[]> record : records) {
      producer.send(record).get();
    }
  }

  private static KafkaProducer<String, byte[]> producer(StackEndpoints stack) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private EventHeader header(Instant at) {
    return EventHeader.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(at)
        .setTenantId(tenant)
        .setProjectId("project-" + run)
        .setAgentId("agent-" + run)
        .setSessionId("session-" + run)
        .setSource("command-side")
        .build();
  }

  private MemoryStored stored(Instant at) {
    return MemoryStored.newBuilder()
        .setHeader(header(at))
        .setMemoryId(memoryId)
        .setContextId("context-" + run)
        .setType(MemoryType.PREFERENCE)
        .setContent("spaces, never tabs")
        .setContentHash("sha256:01")
        .setTags(new ArrayList<>(List.of("style")))
        .build();
  }

  private MemoryUpdated updated(Instant at) {
    return MemoryUpdated.newBuilder()
        .setHeader(header(at))
        .setMemoryId(memoryId)
        .setType(MemoryType.PREFERENCE)
        .setContent("tabs, never spaces")
        .setContentHash("sha256:02")
        .setTags(new ArrayList<>(List.of("style")))
        .setChangedFields(new ArrayList<>(List.of("content")))
        .build();
  }

  private MemoryAccessed accessed(Instant at) {
    return MemoryAccessed.newBuilder()
        .setHeader(header(at))
        .setMemoryIds(new ArrayList<>(List.of(memoryId)))
        .setAccessKind(MemoryAccessKind.SEARCH)
        .build();
  }

  private MetricRecorded metric(Instant at) {
    return MetricRecorded.newBuilder()
        .setHeader(header(at))
        .setName("tokens_used")
        .setKind(MetricKind.GAUGE)
        .setValue(42.5)
        .setUnit("1")
        .setTags(Map.of("model", "small"))
        .build();
  }
}
