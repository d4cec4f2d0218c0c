package dev.agentos.deploy.local;

import dev.agentos.deploy.local.service.CassandraService;
import dev.agentos.deploy.local.service.CodeExecutorService;
import dev.agentos.deploy.local.service.CommandSideService;
import dev.agentos.deploy.local.service.ElasticsearchService;
import dev.agentos.deploy.local.service.FlinkJobsService;
import dev.agentos.deploy.local.service.InfluxDbService;
import dev.agentos.deploy.local.service.KafkaService;
import dev.agentos.deploy.local.service.LocalService;
import dev.agentos.deploy.local.service.PostgresService;
import dev.agentos.deploy.local.service.ProjectionsService;
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
   * The servers and the applications whose jars are given (null: not built, not run): what {@code
   * ./agentos up} runs. The projections start after the command side; the query side, which reads
   * the keys the command side writes, runs only beside it; the learning jobs need only Kafka and
   * the registry.
   *
   * @param learningJobsClasspath the classpath of flink-jobs' runner (its classes first), or null
   * @param executorJar the executor's jar; it runs only beside the command side, through which it
   *     records outcomes
   */
  public static List<LocalService> withApplications(
      Path commandSideJar,
      Path projectionsJar,
      Path querySideJar,
      String learningJobsClasspath,
      Path executorJar) {
    List<LocalService> services = new ArrayList<>(all());
    if (commandSideJar != null) {
      services.add(new CommandSideService(commandSideJar));
    }
    if (projectionsJar != null) {
      services.add(new ProjectionsService(projectionsJar, commandSideJar != null));
    }
    if (commandSideJar != null && querySideJar != null) {
      services.add(new QuerySideService(querySideJar));
    }
    if (learningJobsClasspath != null) {
      services.add(FlinkJobsService.onClasspath(learningJobsClasspath));
    }
    if (commandSideJar != null && executorJar != null) {
      services.add(new CodeExecutorService(executorJar));
    }
    return List.copyOf(services);
  }
}
