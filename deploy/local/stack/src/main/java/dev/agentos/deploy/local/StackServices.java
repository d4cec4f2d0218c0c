package dev.agentos.deploy.local;

import dev.agentos.deploy.local.service.CassandraService;
import dev.agentos.deploy.local.service.CommandSideService;
import dev.agentos.deploy.local.service.ElasticsearchService;
import dev.agentos.deploy.local.service.InfluxDbService;
import dev.agentos.deploy.local.service.KafkaService;
import dev.agentos.deploy.local.service.LocalService;
import dev.agentos.deploy.local.service.PostgresService;
import dev.agentos.deploy.local.service.QuerySideService;
import dev.agentos.deploy.local.service.RegistryService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The servers of the local stack, in start order (a service starts after its dependencies). */
public final class StackServices {

  private StackServices() {}

  /** The servers alone: what integration tests start, each test JVM its own. */
  public static List<LocalService> all() {
    return List.of(
        // Each server module's LocalService is listed here, one line each.
        new KafkaService(),
        new RegistryService(),
        new PostgresService(),
        new InfluxDbService(),
        new CassandraService(),
        new ElasticsearchService());
  }

  /**
   * The servers and AgentOS's own applications: what {@code ./agentos up} runs. The query side
   * starts after the command side, whose keys it reads; it is left out when its jar is null (not
   * built).
   */
  public static List<LocalService> withApplications(Path commandSideJar, Path querySideJar) {
    List<LocalService> services = new ArrayList<>(all());
    services.add(new CommandSideService(commandSideJar));
    if (querySideJar != null) {
      services.add(new QuerySideService(querySideJar));
    }
    return List.copyOf(services);
  }
}
