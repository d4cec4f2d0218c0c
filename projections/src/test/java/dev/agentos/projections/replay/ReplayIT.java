package dev.agentos.projections.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.auth.ApiKeyDirectory;
import dev.agentos.auth.ApiKeys;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.events.metrics.MetricKind;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.projections.ProjectionsApplication;
import dev.agentos.projections.TokenRows;
import dev.agentos.readmodels.memory.ListKey;
import dev.agentos.readmodels.memory.ListedMemory;
import dev.agentos.readmodels.memory.MemoryReadModelQueries;
import dev.agentos.readmodels.memory.MemorySchema;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A replay on the real stack rebuilds each read model to exactly what it was when built live, and
 * throws away what no event made. The run reads topics of its own, so a replay from the first
 * offset reads only this run's events.
 */
@ExtendWith(LocalStackExtension.class)
class ReplayIT {

  private static final int MEMORIES = 12;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String keyspace = "it_replay_" + run;
  private final String alias = "it-replay-" + run;
  private final String database = "it_replay_" + run;
  private final String tenant = "tenant-" + run;
  private final String memoryTopic = "it.replay." + run + ".memory";
  private final String metricTopic = "it.replay." + run + ".metrics";
  private final String adminKey = "aos_it_" + UUID.randomUUID();
  private final String readerKey = "aos_it_" + UUID.randomUUID();
  private final String otherAdminKey = "aos_it_" + UUID.randomUUID();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aReplayedReadModelEqualsTheOneBuiltLive(StackEndpoints stack) throws Exception {
    createTopics(stack);
    try (ConfigurableApplicationContext app = start(stack);
        KafkaProducer<String, byte[]> producer = producer(stack)) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      // The command side creates api_key in a full stack; this test JVM's stack runs none.
      new ResourceDatabasePopulator(new ClassPathResource(ApiKeyDirectory.TABLE_DDL))
          .execute(app.getBean(DataSource.class));
      String hash = ApiKeys.hash(adminKey);
      jdbc.update(
          "INSERT INTO api_key (key_hash, key_id, tenant_id, project_id, agent_id, scopes)"
              + " VALUES (?, ?, ?, 'project', 'agent', 'ADMIN')",
          hash,
          "it-" + run,
          tenant);
      // A key without ADMIN, and an admin of another tenant than the operator's: both refused.
      jdbc.update(
          "INSERT INTO api_key (key_hash, key_id, tenant_id, project_id, agent_id, scopes)"
              + " VALUES (?, ?, ?, 'project', 'agent', 'MEMORY_READ,QUERY_READ')",
          ApiKeys.hash(readerKey),
          "it-reader-" + run,
          tenant);
      jdbc.update(
          "INSERT INTO api_key (key_hash, key_id, tenant_id, project_id, agent_id, scopes)"
              + " VALUES (?, ?, ?, 'project', 'agent', 'ADMIN')",
          ApiKeys.hash(otherAdminKey),
          "it-other-" + run,
          "other-" + tenant);
      try {
        String url =
            "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        publish(stack, producer);
        for (String readModel : readModels()) {
          awaitCaughtUp(url, readModel);
        }
        CqlSession cassandra = app.getBean(CqlSession.class);
        ElasticsearchClient elasticsearch = app.getBean(ElasticsearchClient.class);
        InfluxDB influx = app.getBean(InfluxDB.class);
        Map<String, String> rows =
            await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> rows(cassandra), r -> r.size() == MEMORIES);
        Map<String, Object> docs =
            await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> documents(elasticsearch), d -> d.size() == MEMORIES);
        List<List<Object>> points =
            await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> points(influx), p -> p.size() == MEMORIES);
        Map<String, List<String>> lists = lists(cassandra);
        assertThat(lists.values())
            .as("every list finds memories")
            .allSatisfy(l -> assertThat(l).isNotEmpty());
        // Each memory's stored and updated text, embedded once and kept in the cache.
        Map<String, Long> cached = cacheVersions(elasticsearch);
        assertThat(cached).hasSize(MEMORIES * 2);
        assertThat(cached.values()).containsOnly(1L);

        // What no event made, and a replay must therefore drop.
        cassandra.execute(
            "INSERT INTO memories_by_id (tenant_id, memory_id, content) VALUES (?, ?, 'stray')",
            tenant,
            "memory-stray");
        elasticsearch.index(
            i -> i.index(alias).id("memory-stray").document(Map.of("tenant_id", tenant)));
        elasticsearch.indices().refresh(r -> r.index(alias));
        influx.write(
            database,
            "autogen",
            Point.measurement("latency_ms")
                .tag("tenant_id", tenant)
                .addField("value", 1.0)
                .build());
        assertThat(rows(cassandra)).hasSize(MEMORIES + 1);

        assertThat(post(url + "/admin/replay/memory-cassandra", "wrong-key").statusCode())
            .isEqualTo(401);
        assertThat(post(url + "/admin/replay/no-such-model", adminKey).statusCode()).isEqualTo(404);
        HttpResponse<String> notAdmin = post(url + "/admin/replay/memory-cassandra", readerKey);
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(notAdmin.headers().firstValue("Content-Type"))
            .hasValue("application/problem+json");
        assertThat(notAdmin.body()).contains("lacks the scope ADMIN");
        assertThat(post(url + "/admin/replay/memory-cassandra", otherAdminKey).body())
            .contains("only an admin key of the operator tenant");
        for (String readModel : readModels()) {
          HttpResponse<String> started = post(url + "/admin/replay/" + readModel, adminKey);
          assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        }
        for (String readModel : readModels()) {
          awaitCaughtUp(url, readModel);
        }
        // Finished means the list indexes the rebuild dropped are built again: no waiting here.
        assertThat(lists(cassandra)).isEqualTo(lists);

        // The rebuild paused the memory index's refresh; caught up, it is searched as before.
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(refreshInterval(elasticsearch)).isEqualTo("250ms"));
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(rows(cassandra)).isEqualTo(rows));
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(documents(elasticsearch)).isEqualTo(docs));
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(points(influx)).isEqualTo(points));
        assertThat(cacheVersions(elasticsearch))
            .as("the replay took every vector from the cache and wrote none again")
            .isEqualTo(cached);
        JsonNode progress = JSON.readTree(get(url + "/admin/replay/memory-search").body());
        assertThat(progress.get("recordsRead").asLong()).isEqualTo(MEMORIES * 2L);
        assertThat(progress.get("lag").asLong()).isZero();
      } finally {
        for (String key : List.of(adminKey, readerKey, otherAdminKey)) {
          jdbc.update("DELETE FROM api_key WHERE key_hash = ?", ApiKeys.hash(key));
        }
      }
    } finally {
      cleanUp(stack);
    }
  }

  private static List<String> readModels() {
    return List.of("memory-cassandra", "memory-search", "metrics-influx");
  }

  /** Caught up and, after a replay, its after-replay steps done. */
  private void awaitCaughtUp(String url, String readModel) {
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              JsonNode progress = JSON.readTree(get(url + "/admin/replay/" + readModel).body());
              // This run's producer is not transactional: no commit markers, so lag must be 0.
              return progress.get("finished").asBoolean() && progress.get("lag").asLong() == 0;
            });
  }

  private HttpResponse<String> post(String url, String key) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + key)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", adminKey).GET().build(),
        HttpResponse.BodyHandlers.ofString());
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
    args.add("--agentos.projections.admin.operator-tenant=" + tenant);
    for (String group : readModels()) {
      args.add(
          "--agentos.projections.processors." + group + ".name=it-replay-" + run + "-" + group);
      args.add(
          "--agentos.projections.processors."
              + group
              + ".topics="
              + (group.startsWith("metrics") ? metricTopic : memoryTopic));
    }
    return new SpringApplicationBuilder(ProjectionsApplication.class)
        .run(args.toArray(String[]::new));
  }

  private void createTopics(StackEndpoints stack) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(memoryTopic, 3, (short) 1), new NewTopic(metricTopic, 3, (short) 1)))
          .all()
          .get();
    }
  }

  /** Each memory stored then updated (sequence 0, 1); one metric sample per memory. */
  private void publish(StackEndpoints stack, KafkaProducer<String, byte[]> producer)
      throws Exception {
    Instant at = Instant.parse("2026-11-24T10:00:00.123Z");
    for (int i = 0; i < MEMORIES; i++) {
      String memoryId = "memory-" + run + "-" + i;
      send(producer, record(stack, memoryTopic, memoryId, stored(memoryId, at, i), 0L));
      send(
          producer,
          record(stack, memoryTopic, memoryId, updated(memoryId, at.plusSeconds(1), i), 1L));
      send(producer, record(stack, metricTopic, "series-" + i, metric(at.plusMillis(i), i), null));
    }
  }

  private Map<String, String> rows(CqlSession cassandra) {
    Map<String, String> rows = new LinkedHashMap<>();
    for (Row row :
        cassandra.execute(
            "SELECT * FROM memories_by_id WHERE tenant_id = ? ALLOW FILTERING", tenant)) {
      rows.put(row.getString("memory_id"), row.getFormattedContents());
    }
    return rows;
  }

  /** Lists by type, by tag and by both, in either scope: what the list indexes answer. */
  private Map<String, List<String>> lists(CqlSession cassandra) {
    MemoryReadModelQueries queries = new MemoryReadModelQueries(cassandra);
    Map<String, List<String>> lists = new LinkedHashMap<>();
    for (ListKey key :
        List.of(
            ListKey.of(ListKey.PROJECT, "project-" + run, "DECISION", null),
            ListKey.of(ListKey.CONTEXT, "context-" + run, null, "t1"),
            ListKey.of(ListKey.PROJECT, "project-" + run, "FACT", "t2"))) {
      lists.put(
          key.toString(),
          queries.list(tenant, key, null, null, 100, null).items().stream()
              .map(ListedMemory::memoryId)
              .toList());
    }
    return lists;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Map<String, Object> documents(ElasticsearchClient elasticsearch) throws Exception {
    elasticsearch.indices().refresh(r -> r.index(alias));
    Map<String, Object> docs = new LinkedHashMap<>();
    elasticsearch
        .search(
            s ->
                s.index(alias)
                    .size(100)
                    .query(q -> q.term(t -> t.field("tenant_id").value(tenant))),
            Map.class)
        .hits()
        .hits()
        .forEach(hit -> docs.put(hit.id(), hit.source()));
    return docs;
  }

  private String refreshInterval(ElasticsearchClient elasticsearch) throws Exception {
    return elasticsearch
        .indices()
        .getSettings(g -> g.index(alias).name("index.refresh_interval"))
        .get(alias + "-v1")
        .settings()
        .index()
        .refreshInterval()
        .time();
  }

  /** The embedding cache's documents and their versions: a vector written again is version 2. */
  private Map<String, Long> cacheVersions(ElasticsearchClient elasticsearch) throws Exception {
    String cache = alias + "-embeddings";
    elasticsearch.indices().refresh(r -> r.index(cache));
    Map<String, Long> versions = new LinkedHashMap<>();
    elasticsearch
        .search(s -> s.index(cache).size(100).version(true), Map.class)
        .hits()
        .hits()
        .forEach(hit -> versions.put(hit.id(), hit.version()));
    return versions;
  }

  private List<List<Object>> points(InfluxDB influx) {
    List<List<Object>> points = new ArrayList<>();
    var results = influx.query(new Query("SELECT * FROM /.*/", database)).getResults();
    if (results.isEmpty() || results.get(0).getSeries() == null) {
      return points;
    }
    results.get(0).getSeries().forEach(series -> points.addAll(series.getValues()));
    return points;
  }

  private void cleanUp(StackEndpoints stack) throws Exception {
    String[] hostPort = stack.cassandraContactPoint().split(":");
    try (CqlSession admin =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
            .withLocalDatacenter(stack.cassandraDatacenter())
            .build()) {
      MemorySchema.singleNode(keyspace).drop(admin);
    }
    try (InfluxDB influx = InfluxDBFactory.connect(stack.influxdbUrl())) {
      influx.query(new Query("DROP DATABASE " + database));
    }
    for (String index : List.of(alias + "-v1", alias + "-embeddings")) {
      http.send(
          HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + "/" + index))
              .DELETE()
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
      admin.deleteTopics(List.of(memoryTopic, metricTopic)).all().get();
    }
    TokenRows.delete(stack, "it-replay-" + run + "-");
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
      KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record)
      throws Exception {
    producer.send(record).get();
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

  private MemoryStored stored(String memoryId, Instant at, int i) {
    return MemoryStored.newBuilder()
        .setHeader(header(at))
        .setMemoryId(memoryId)
        .setContextId("context-" + run)
        .setType(MemoryType.FACT)
        .setContent("fact number " + i)
        .setContentHash("sha256:" + i)
        .setTags(new ArrayList<>(List.of("t" + (i % 3))))
        .build();
  }

  /** Every odd memory becomes a DECISION: the lists by type have two types to tell apart. */
  private MemoryUpdated updated(String memoryId, Instant at, int i) {
    return MemoryUpdated.newBuilder()
        .setHeader(header(at))
        .setMemoryId(memoryId)
        .setType(i % 2 == 0 ? MemoryType.FACT : MemoryType.DECISION)
        .setContent("fact number " + i + ", corrected")
        .setContentHash("sha256:u" + i)
        .setTags(new ArrayList<>(List.of("t" + (i % 3))))
        .setChangedFields(new ArrayList<>(List.of("content")))
        .build();
  }

  private MetricRecorded metric(Instant at, int i) {
    return MetricRecorded.newBuilder()
        .setHeader(header(at))
        .setName("latency_ms")
        .setKind(MetricKind.GAUGE)
        .setValue(10.0 + i)
        .setUnit("ms")
        .setTags(Map.of("step", "s" + i))
        .build();
  }
}
