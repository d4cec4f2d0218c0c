package dev.agentos.deploy.local.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The command side application (module command-side): the HTTP API, the ingest gateway, the
 * publisher and the dedup stage, run from its executable jar against this stack. On its first start
 * it creates the first tenant's admin key and writes it to {@link #adminKeyFile}, and the
 * executor's key to {@link #executorKeyFile}; readiness waits for that.
 */
public final class CommandSideService extends SpringBootJarService {

  public static final String URL = "command.side.url";

  /**
   * @param jar the executable jar built by command-side ({@code *-exec.jar})
   */
  public CommandSideService(Path jar) {
    super("command-side", jar, 8090, URL, "768m");
  }

  /** Where the bootstrap admin key is written, readable by its owner only. */
  public static Path adminKeyFile(Path stackHome) {
    return stackHome.resolve("admin-key");
  }

  /**
   * Where the executor's key (EXECUTOR scope, every tenant's executions) is written on the first
   * start, readable by its owner only.
   */
  public static Path executorKeyFile(Path stackHome) {
    return stackHome.resolve("executor-key");
  }

  @Override
  public Set<String> dependsOn() {
    return Set.of("kafka", "registry", "postgres");
  }

  @Override
  List<String> settings(ServiceContext ctx) {
    return List.of(
        "--spring.datasource.url=" + postgresUrl(ctx),
        "--agentos.kafka.bootstrap-servers=127.0.0.1:" + ctx.portOf("kafka", "broker"),
        "--agentos.registry.url=" + http(ctx, "registry"),
        "--agentos.dedup.state-dir=" + ctx.dataDir().resolve("dedup").toAbsolutePath(),
        "--agentos.secrets.keyset-file="
            + ctx.dataDir().resolve("secrets-keyset.json").toAbsolutePath(),
        "--agentos.bootstrap.admin-key-file="
            + adminKeyFile(ctx.home().getParent()).toAbsolutePath(),
        "--agentos.bootstrap.executor-key-file="
            + executorKeyFile(ctx.home().getParent()).toAbsolutePath());
  }
}
