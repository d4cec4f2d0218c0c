package dev.agentos.deploy.local.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command side application (module command-side): the HTTP API, the ingest gateway, the
 * publisher and the dedup stage, run from its executable jar against this stack. On its first start
 * it creates the first tenant's admin key and writes it to {@link #adminKeyFile}.
 */
public final class CommandSideService implements LocalService {

  public static final String URL = "command.side.url";

  private final Path jar;

  /**
   * @param jar the executable jar built by command-side ({@code *-exec.jar})
   */
  public CommandSideService(Path jar) {
    this.jar = jar;
  }

  /** Where the bootstrap admin key is written, readable by its owner only. */
  public static Path adminKeyFile(Path stackHome) {
    return stackHome.resolve("admin-key");
  }

  @Override
  public String name() {
    return "command-side";
  }

  @Override
  public Map<String, Integer> defaultPorts() {
    return Map.of("http", 8090);
  }

  @Override
  public boolean isApplication() {
    return true;
  }

  @Override
  public Set<String> dependsOn() {
    return Set.of("kafka", "registry", "postgres");
  }

  @Override
  public List<String> command(ServiceContext ctx) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException("no command-side jar at " + jar + ": build it with ./mvnw install");
    }
    Files.createDirectories(ctx.dataDir());
    Files.createDirectories(ctx.logDir());
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m",
        "-jar",
        jar.toAbsolutePath().toString(),
        "--server.port=" + ctx.port("http"),
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:"
            + ctx.portOf("postgres", "sql")
            + "/postgres",
        "--agentos.kafka.bootstrap-servers=127.0.0.1:" + ctx.portOf("kafka", "broker"),
        "--agentos.registry.url=http://127.0.0.1:" + ctx.portOf("registry", "http"),
        "--agentos.dedup.state-dir=" + ctx.dataDir().resolve("dedup").toAbsolutePath(),
        "--agentos.bootstrap.admin-key-file="
            + adminKeyFile(ctx.home().getParent()).toAbsolutePath(),
        "--logging.file.name=" + ctx.logDir().resolve("command-side.log").toAbsolutePath());
  }

  /** Ready, not just live: readiness waits for start-up work such as writing the admin key. */
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
