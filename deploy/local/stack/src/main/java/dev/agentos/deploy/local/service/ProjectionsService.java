package dev.agentos.deploy.local.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The projections application (module projections): the event processors that build the read models
 * in Cassandra, Elasticsearch and InfluxDB from Kafka, run from its executable jar against this
 * stack, with an HTTP port for its readiness and admin endpoints.
 */
public final class ProjectionsService implements LocalService {

  public static final String URL = "projections.url";

  private final Path jar;
  private final Set<String> dependsOn;

  /**
   * @param jar the executable jar built by projections ({@code *-exec.jar})
   * @param afterCommandSide start once the command side is healthy (when the stack runs one), so a
   *     fresh stack's first events and the projections' first tokens do not race
   */
  public ProjectionsService(Path jar, boolean afterCommandSide) {
    this.jar = jar;
    Set<String> servers =
        new LinkedHashSet<>(
            List.of("kafka", "registry", "postgres", "cassandra", "elasticsearch", "influxdb"));
    if (afterCommandSide) {
      servers.add("command-side");
    }
    this.dependsOn = Set.copyOf(servers);
  }

  @Override
  public String name() {
    return "projections";
  }

  @Override
  public Map<String, Integer> defaultPorts() {
    return Map.of("http", 8092);
  }

  @Override
  public boolean isApplication() {
    return true;
  }

  @Override
  public Set<String> dependsOn() {
    return dependsOn;
  }

  /** Start-up creates the Cassandra schema and loads the embedding model: slow on a small box. */
  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(240);
  }

  @Override
  public List<String> command(ServiceContext ctx) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException("no projections jar at " + jar + ": build it with ./mvnw install");
    }
    Files.createDirectories(ctx.dataDir());
    Files.createDirectories(ctx.logDir());
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g",
        "-jar",
        jar.toAbsolutePath().toString(),
        "--server.port=" + ctx.port("http"),
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:"
            + ctx.portOf("postgres", "sql")
            + "/postgres",
        "--agentos.projections.kafka-bootstrap-servers=127.0.0.1:" + ctx.portOf("kafka", "broker"),
        "--agentos.projections.schema-registry-url=http://127.0.0.1:"
            + ctx.portOf("registry", "http"),
        "--agentos.projections.stores.cassandra.contact-point=127.0.0.1:"
            + ctx.portOf("cassandra", "cql"),
        "--agentos.projections.stores.cassandra.datacenter=" + CassandraService.DATACENTER,
        "--agentos.projections.stores.elasticsearch.url=http://127.0.0.1:"
            + ctx.portOf("elasticsearch", "http"),
        "--agentos.projections.stores.influx.url=http://127.0.0.1:"
            + ctx.portOf("influxdb", "http"),
        "--logging.file.name=" + ctx.logDir().resolve("projections.log").toAbsolutePath());
  }

  /** Ready, not just live: the stores' schemas exist and the processors are registered. */
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
