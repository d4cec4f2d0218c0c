package dev.agentos.deploy.local.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The code executor (module executor-service): reads execution requests from Kafka, runs each in a
 * bubblewrap sandbox, and records the outcomes through the command side's API with the executor key
 * the command side writes at its first start ({@link CommandSideService#executorKeyFile}); it reads
 * the API keys of its own endpoints from PostgreSQL, like the query side.
 */
public final class CodeExecutorService extends SpringBootJarService {

  public static final String URL = "executor.url";

  /**
   * @param jar the executable jar built by executor-service ({@code *-exec.jar})
   */
  public CodeExecutorService(Path jar) {
    super("executor", jar, 8093, URL, "256m");
  }

  @Override
  public Set<String> dependsOn() {
    return Set.of("kafka", "registry", "postgres", "command-side");
  }

  @Override
  List<String> settings(ServiceContext ctx) {
    return List.of(
        "--spring.datasource.url=" + postgresUrl(ctx),
        "--agentos.executor.bootstrap-servers=127.0.0.1:" + ctx.portOf("kafka", "broker"),
        "--agentos.executor.registry-url=" + http(ctx, "registry"),
        "--agentos.executor.command-side-url=" + http(ctx, "command-side"),
        "--agentos.executor.api-key-file="
            + CommandSideService.executorKeyFile(ctx.home().getParent()).toAbsolutePath(),
        // The sandboxes' work folders; each run's is removed when it ends.
        "--agentos.executor.work-root=" + ctx.dataDir().resolve("work").toAbsolutePath());
  }
}
