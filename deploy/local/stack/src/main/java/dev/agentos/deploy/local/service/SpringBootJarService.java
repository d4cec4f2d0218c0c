package dev.agentos.deploy.local.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of AgentOS's own applications, run from the executable jar its module builds: a JVM with a
 * fixed heap, one HTTP port, ready when Spring Boot's readiness probe says so, its URL written to
 * the stack's endpoints. A subclass says what it depends on and which settings point it at this
 * stack.
 */
abstract class SpringBootJarService implements LocalService {

  private final String name;
  private final Path jar;
  private final int defaultPort;
  private final String urlKey;
  private final String maxHeap;

  /**
   * @param jar the executable jar ({@code *-exec.jar})
   * @param urlKey the key of its URL among the stack's endpoints
   * @param maxHeap the JVM's {@code -Xmx}, e.g. {@code 512m}
   */
  SpringBootJarService(String name, Path jar, int defaultPort, String urlKey, String maxHeap) {
    this.name = name;
    this.jar = jar;
    this.defaultPort = defaultPort;
    this.urlKey = urlKey;
    this.maxHeap = maxHeap;
  }

  /** The {@code --key=value} settings that point the application at this stack's servers. */
  abstract List<String> settings(ServiceContext ctx) throws IOException;

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Map<String, Integer> defaultPorts() {
    return Map.of("http", defaultPort);
  }

  @Override
  public final boolean isApplication() {
    return true;
  }

  @Override
  public final List<String> command(ServiceContext ctx) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException("no " + name + " jar at " + jar + ": build it with ./mvnw install");
    }
    Files.createDirectories(ctx.dataDir());
    Files.createDirectories(ctx.logDir());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.add("--server.port=" + ctx.port("http"));
    command.addAll(settings(ctx));
    command.add("--logging.file.name=" + ctx.logDir().resolve(name + ".log").toAbsolutePath());
    return List.copyOf(command);
  }

  /** Ready, not just live: readiness comes after the application's start-up work is done. */
  @Override
  public final boolean isHealthy(ServiceContext ctx) {
    return Health.httpOk(url(ctx) + "/actuator/health/readiness");
  }

  @Override
  public final Map<String, String> endpoints(ServiceContext ctx) {
    return Map.of(urlKey, url(ctx));
  }

  /** {@code jdbc:postgresql://…} of the stack's PostgreSQL. */
  static String postgresUrl(ServiceContext ctx) {
    return "jdbc:postgresql://127.0.0.1:" + ctx.portOf("postgres", "sql") + "/postgres";
  }

  /** {@code http://127.0.0.1:<port>} of one of the stack's servers. */
  static String http(ServiceContext ctx, String server) {
    return "http://127.0.0.1:" + ctx.portOf(server, "http");
  }

  private static String url(ServiceContext ctx) {
    return "http://127.0.0.1:" + ctx.port("http");
  }
}
