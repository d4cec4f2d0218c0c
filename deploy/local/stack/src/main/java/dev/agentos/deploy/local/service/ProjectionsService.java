package dev.agentos.deploy.local.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The projections application (module projections): the event processors that build the read models
 * in Cassandra, Elasticsearch and InfluxDB from Kafka, run from its executable jar against this
 * stack, with an HTTP port for its readiness and admin endpoints.
 */
public final class ProjectionsService extends SpringBootJarService {

  public static final String URL = "projections.url";

  private final Set<String> dependsOn;

  /**
   * @param jar the executable jar built by projections ({@code *-exec.jar})
   * @param afterCommandSide start once the command side is healthy (when the stack runs one), so a
   *     fresh stack's first events and the projections' first tokens do not race
   */
  public ProjectionsService(Path jar, boolean afterCommandSide) {
    super("projections", jar, 8092, URL, "1g");
    Set<String> servers =
        new LinkedHashSet<>(
            List.of("kafka", "registry", "postgres", "cassandra", "elasticsearch", "influxdb"));
    if (afterCommandSide) {
      servers.add("command-side");
    }
    this.dependsOn = Set.copyOf(servers);
  }

  @Override
  public Set<String> dependsOn() {
    return dependsOn;
  }

  /**
   * Start-up creates the Cassandra schema and loads the embedding model: slow on a small box. With
   * ten read models, a start at load average 20 on 2 cores took 238 s, two minutes of it creating
   * tables (each waits for schema agreement), so 240 s no longer leaves a margin.
   */
  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(360);
  }

  @Override
  List<String> settings(ServiceContext ctx) {
    return List.of(
        "--spring.datasource.url=" + postgresUrl(ctx),
        "--agentos.projections.kafka-bootstrap-servers=127.0.0.1:" + ctx.portOf("kafka", "broker"),
        "--agentos.projections.schema-registry-url=" + http(ctx, "registry"),
        "--agentos.projections.stores.cassandra.contact-point=127.0.0.1:"
            + ctx.portOf("cassandra", "cql"),
        "--agentos.projections.stores.cassandra.datacenter=" + CassandraService.DATACENTER,
        "--agentos.projections.stores.elasticsearch.url=" + http(ctx, "elasticsearch"),
        "--agentos.projections.stores.influx.url=" + http(ctx, "influxdb"));
  }
}
