package dev.agentos.deploy.local.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query side application (module query-side): the HTTP query API over the read models, run from
 * its executable jar against this stack. It authenticates the API keys the command side writes to
 * PostgreSQL, so it starts after the command side.
 */
public final class QuerySideService implements LocalService {

  public static final String URL = "query.side.url";

  /** The keyspace of the memory read models, shared with the projections. */
  public static final String MEMORY_KEYSPACE = "agentos_memory";

  private final Path jar;

  /**
   * @param jar the executable jar built by query-side ({@code *-exec.jar})
   */
  public QuerySideService(Path jar) {
    this.jar = jar;
  }

  @Override
  public String name() {
    return "query-side";
  }

  @Override
  public Map<String, Integer> defaultPorts() {
    return Map.of("http", 8091);
  }

  @Override
  public boolean isApplication() {
    return true;
  }

  @Override
  public Set<String> dependsOn() {
    return Set.of("kafka", "registry", "postgres", "cassandra", "elasticsearch", "command-side");
  }

  @Override
  public List<String> command(ServiceContext ctx) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException("no query-side jar at " + jar + ": build it with ./mvnw install");
    }
    Files.createDirectories(ctx.logDir());
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m",
        "-jar",
        jar.toAbsolutePath().toString(),
        "--server.port=" + ctx.port("http"),
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:"
            + ctx.portOf("postgres", "sql")
            + "/postgres",
        "--agentos.query.cassandra.contact-point=127.0.0.1:" + ctx.portOf("cassandra", "cql"),
        "--agentos.query.cassandra.datacenter=" + CassandraService.DATACENTER,
        "--agentos.query.cassandra.keyspace=" + MEMORY_KEYSPACE,
        "--agentos.query.elasticsearch.url=http://127.0.0.1:" + ctx.portOf("elasticsearch", "http"),
        "--agentos.query.access.bootstrap-servers=127.0.0.1:" + ctx.portOf("kafka", "broker"),
        "--agentos.query.access.registry-url=http://127.0.0.1:" + ctx.portOf("registry", "http"),
        "--logging.file.name=" + ctx.logDir().resolve("query-side.log").toAbsolutePath());
  }

  /** Ready, not just live: readiness comes after the Cassandra schema and session are up. */
  @Override
  public boolean isHealthy(ServiceContext ctx) {
    return Health.httpOk(url(ctx) + "/actuator/health/readiness");
  }

  @Override
  public Map<String, String> endpoints(ServiceContext ctx) {
    return Map.of(URL, url(ctx));
  }

  private static String url(ServiceContext ctx) {
    return "http://127.0.0.1:" + ctx.port("http");
  }
}
