package dev.agentos.deploy.local;

import dev.agentos.deploy.local.service.CassandraService;
import dev.agentos.deploy.local.service.CommandSideService;
import dev.agentos.deploy.local.service.ElasticsearchService;
import dev.agentos.deploy.local.service.InfluxDbService;
import dev.agentos.deploy.local.service.KafkaService;
import dev.agentos.deploy.local.service.LocalService;
import dev.agentos.deploy.local.service.PostgresService;
import dev.agentos.deploy.local.service.ProjectionsService;
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

  /** The servers and AgentOS's own applications: what {@code ./agentos up} runs. */
  public static List<LocalService> withApplications(Path commandSideJar) {
    return withApplications(commandSideJar, null);
  }

  /**
   * The servers and the applications whose jars are given (null: not built, not run); the
   * projections start after the command side.
   */
  public static List<LocalService> withApplications(Path commandSideJar, Path projectionsJar) {
    List<LocalService> services = new ArrayList<>(all());
    if (commandSideJar != null) {
      services.add(new CommandSideService(commandSideJar));
    }
    if (projectionsJar != null) {
      services.add(new ProjectionsService(projectionsJar, commandSideJar != null));
    }
    return List.copyOf(services);
  }
}
