package dev.agentos.query.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.agentos.auth.ApiKeyDirectory;
import dev.agentos.auth.ApiKeys;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.QuerySideApplication;
import dev.agentos.readmodels.anomalies.AnomalySchema;
import dev.agentos.readmodels.elasticsearch.ElasticsearchJson;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.executions.ExecutionSchema;
import dev.agentos.readmodels.health.HealthSchema;
import dev.agentos.readmodels.memory.MemorySchema;
import dev.agentos.readmodels.models.ModelSchema;
import dev.agentos.readmodels.patterns.PatternSchema;
import dev.agentos.readmodels.predictions.PredictionSchema;
import dev.agentos.readmodels.search.IndexSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.elasticsearch.client.RestClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The query side application, started for real against the stack's PostgreSQL, Cassandra and
 * Elasticsearch on a free port, reading a Cassandra keyspace, a memory index and InfluxDB databases
 * of its own (dropped on close), so tests never see each other's read models. Started once per test
 * JVM by {@link QuerySideExtension}.
 */
public final class RunningQuerySide implements AutoCloseable {

  /**
   * This JVM's own MemoryAccessed topic, created before the application starts and deleted when it
   * stops, so tests see only their own reads.
   */
  public static final String ACCESS_TOPIC =
      "agentos.it.memory-access-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";

  private final ConfigurableApplicationContext context;
  private final String keyspace;
  private final String memoryIndex;
  private final StackEndpoints stack;

  private RunningQuerySide(
      ConfigurableApplicationContext context,
      String keyspace,
      String memoryIndex,
      StackEndpoints stack) {
    this.context = context;
    this.keyspace = keyspace;
    this.memoryIndex = memoryIndex;
    this.stack = stack;
  }

  public StackEndpoints stack() {
    return stack;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  static RunningQuerySide start(StackEndpoints stack) {
    String keyspace = "query_it_" + UUID.randomUUID().toString().substring(0, 8);
    String memoryIndex = "query-it-memories-" + UUID.randomUUID().toString().substring(0, 8);
    createAccessTopic(stack);
    createReadModels(stack, keyspace, memoryIndex);
    influx(stack, "CREATE DATABASE " + metricsDatabase(keyspace));
    influx(stack, "CREATE DATABASE " + featuresDatabase(keyspace));
    ConfigurableApplicationContext context =
        QuerySideApplication.application()
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + stack.postgresJdbcUrl(),
                "--spring.datasource.username=" + stack.postgresUser(),
                "--spring.datasource.password=" + stack.postgresPassword(),
                "--agentos.query.cassandra.contact-point=" + stack.cassandraContactPoint(),
                "--agentos.query.cassandra.datacenter=" + stack.cassandraDatacenter(),
                "--agentos.query.cassandra.keyspace=" + keyspace,
                "--agentos.query.elasticsearch.url=" + stack.elasticsearchUrl(),
                "--agentos.query.elasticsearch.memory-index=" + memoryIndex,
                "--agentos.query.influx.url=" + stack.influxdbUrl(),
                "--agentos.query.influx.metrics-database=" + metricsDatabase(keyspace),
                "--agentos.query.influx.features-database=" + featuresDatabase(keyspace),
                "--agentos.query.access.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--agentos.query.access.registry-url=" + stack.schemaRegistryUrl(),
                "--agentos.query.access.topic=" + ACCESS_TOPIC);
    // The command side creates api_key in a full stack; a test JVM's own stack may not run one.
    new ResourceDatabasePopulator(new ClassPathResource(ApiKeyDirectory.TABLE_DDL))
        .execute(context.getBean(DataSource.class));
    return new RunningQuerySide(context, keyspace, memoryIndex, stack);
  }

  /**
   * The keyspace and the memory index, created as the projections create them at start (their one
   * creator): these tests run no projections, and the query side only waits for them.
   */
  private static void createReadModels(StackEndpoints stack, String keyspace, String memoryIndex) {
    String[] hostPort = stack.cassandraContactPoint().split(":");
    try (CqlSession admin =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
            .withLocalDatacenter(stack.cassandraDatacenter())
            .withConfigLoader(
                DriverConfigLoader.programmaticBuilder()
                    .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                    .build())
            .build()) {
      MemorySchema.singleNode(keyspace).apply(admin);
      PatternSchema.singleNode(keyspace).apply(admin);
      AnomalySchema.singleNode(keyspace).apply(admin);
      HealthSchema.singleNode(keyspace).apply(admin);
      PredictionSchema.singleNode(keyspace).apply(admin);
      ModelSchema.singleNode(keyspace).apply(admin);
      ExecutionSchema.singleNode(keyspace).apply(admin);
    }
    try (RestClientTransport transport =
        new RestClientTransport(
            RestClient.builder(HttpHost.create(stack.elasticsearchUrl())).build(),
            ElasticsearchJson.mapper())) {
      new IndexSetup(new ElasticsearchClient(transport)).ensure(memoryIndex + "-v1", memoryIndex);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void influx(StackEndpoints stack, String statement) {
    try (InfluxDB influx = InfluxDBFactory.connect(stack.influxdbUrl())) {
      var answer = influx.query(new Query(statement));
      if (answer.hasError()) {
        throw new IllegalStateException(statement + ": " + answer.getError());
      }
    }
  }

  private static String metricsDatabase(String keyspace) {
    return keyspace + "_metrics";
  }

  private static String featuresDatabase(String keyspace) {
    return keyspace + "_features";
  }

  private static void createAccessTopic(StackEndpoints stack) {
    try (Admin admin = admin(stack)) {
      admin.createTopics(List.of(new NewTopic(ACCESS_TOPIC, 3, (short) 1))).all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating " + ACCESS_TOPIC, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create " + ACCESS_TOPIC, e.getCause());
    }
  }

  private static Admin admin(StackEndpoints stack) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
  }

  public String baseUrl() {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return "http://127.0.0.1:" + port;
  }

  /** The application's own Cassandra session, on its keyspace: seed read models through it. */
  public CqlSession cassandra() {
    return context.getBean(CqlSession.class);
  }

  /** The application's own Elasticsearch client: seed the memory index through it. */
  public ElasticsearchClient elasticsearch() {
    return context.getBean(ElasticsearchClient.class);
  }

  /** The application's own InfluxDB client: seed metrics and feature vectors through it. */
  public InfluxDB influx() {
    return context.getBean(InfluxDB.class);
  }

  /** The application's own metrics database (created at start, dropped on close). */
  public String metricsDatabase() {
    return metricsDatabase(keyspace);
  }

  /** The application's own feature vectors' database (created at start, dropped on close). */
  public String featuresDatabase() {
    return featuresDatabase(keyspace);
  }

  /** The alias of the application's own memory index (created at start, dropped on close). */
  public String memoryIndex() {
    return memoryIndex;
  }

  /** The embedder the application loaded, so seeding does not load the model a second time. */
  public MemoryEmbedder embedder() {
    return context.getBean(MemoryEmbedder.class);
  }

  /**
   * A new key of {@code tenantId}/{@code projectId} holding {@code scopes}, inserted into {@code
   * api_key} as the command side stores it (the SHA-256 of the key, never the key).
   */
  public String newKey(String tenantId, String projectId, ApiKeyScope... scopes) {
    return newKey(tenantId, projectId, null, scopes);
  }

  /**
   * A new key as {@link #newKey(String, String, ApiKeyScope...)} that stops at {@code expiresAt}.
   */
  public String newKey(
      String tenantId, String projectId, Instant expiresAt, ApiKeyScope... scopes) {
    String key = ApiKeys.generate();
    context
        .getBean(JdbcTemplate.class)
        .update(
            "INSERT INTO api_key (key_hash, key_id, tenant_id, project_id, agent_id, scopes,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            ApiKeys.hash(key),
            UUID.randomUUID().toString(),
            tenantId,
            projectId,
            "it-agent-" + UUID.randomUUID(),
            Arrays.stream(scopes).map(Enum::name).collect(Collectors.joining(",")),
            expiresAt == null ? null : Timestamp.from(expiresAt));
    return key;
  }

  /** Marks a key revoked, as the command side does when its agent's key is revoked. */
  public void revoke(String key) {
    context
        .getBean(JdbcTemplate.class)
        .update("UPDATE api_key SET revoked_at = now() WHERE key_hash = ?", ApiKeys.hash(key));
  }

  public QueryClient as(String key) {
    return new QueryClient(baseUrl(), key);
  }

  @Override
  public void close() {
    MemorySchema.singleNode(keyspace).drop(cassandra());
    try {
      elasticsearch().indices().delete(d -> d.index(memoryIndex + "-v1"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      context.close();
      influx(stack, "DROP DATABASE " + metricsDatabase(keyspace));
      influx(stack, "DROP DATABASE " + featuresDatabase(keyspace));
      try (Admin admin = admin(stack)) {
        admin.deleteTopics(List.of(ACCESS_TOPIC));
      }
    }
  }
}
