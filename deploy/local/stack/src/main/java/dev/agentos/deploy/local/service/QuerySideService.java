package dev.agentos.deploy.local.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The query side application (module query-side): the HTTP query API over the read models, run from
 * its executable jar against this stack. It authenticates the API keys the command side writes to
 * PostgreSQL, so it starts after the command side; it records reads as events on Kafka, and reads
 * metrics and feature vectors from InfluxDB.
 */
public final class QuerySideService extends SpringBootJarService {

  public static final String URL = "query.side.url";

  /** The keyspace of the memory read models, shared with the projections. */
  public static final String MEMORY_KEYSPACE = "agentos_memory";

  /**
   * @param jar the executable jar built by query-side ({@code *-exec.jar})
   */
  public QuerySideService(Path jar) {
    super("query-side", jar, 8091, URL, "512m");
  }

  @Override
  public Set<String> dependsOn() {
    return Set.of(
        "kafka", "registry", "postgres", "cassandra", "elasticsearch", "influxdb", "command-side");
  }

  /**
   * Start-up waits for the projections to create every read model's tables and indexes (ADR 0009),
   * which on a cold, busy 2-core machine takes about as long as the projections' own start.
   */
  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(240);
  }

  @Override
  List<String> settings(ServiceContext ctx) {
    return List.of(
        "--spring.datasource.url=" + postgresUrl(ctx),
        "--agentos.query.cassandra.contact-point=127.0.0.1:" + ctx.portOf("cassandra", "cql"),
        "--agentos.query.cassandra.datacenter=" + CassandraService.DATACENTER,
        "--agentos.query.cassandra.keyspace=" + MEMORY_KEYSPACE,
        "--agentos.query.elasticsearch.url=" + http(ctx, "elasticsearch"),
        // The databases are the projections' defaults, which ./agentos up does not change.
        "--agentos.query.influx.url=" + http(ctx, "influxdb"),
        "--agentos.query.access.bootstrap-servers=127.0.0.1:" + ctx.portOf("kafka", "broker"),
        "--agentos.query.access.registry-url=" + http(ctx, "registry"));
  }
}
