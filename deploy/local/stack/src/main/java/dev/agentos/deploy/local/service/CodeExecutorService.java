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

  /**
   * The sandboxes' work folders (each run's is removed when it ends), one root per stack under the
   * system's temporary folder. Not in the stack's data folder: a run's folder is mounted into its
   * sandbox as the unprivileged sandbox user, who must be able to reach it, and a stack's home may
   * lie under folders only its owner may enter (a test's temporary folder is {@code rwx------}).
   */
  static Path workRoot(Path stackHome) {
    String stack =
        Integer.toHexString(stackHome.toAbsolutePath().normalize().toString().hashCode());
    return Path.of(System.getProperty("java.io.tmpdir"), "agentos-executor-" + stack);
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
        "--agentos.executor.work-root=" + workRoot(ctx.home()));
  }
}
