package dev.agentos.deploy.local.service;

import dev.agentos.deploy.local.StackEndpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 14 (Axon's event and token store), from the zonky binaries on Maven Central, held by a
 * small child JVM that stops it on SIGTERM.
 */
public final class PostgresService implements LocalService {

  /** The embedded binaries' superuser; it trusts local connections, so the password is unused. */
  private static final String USER = "postgres";

  /** Enough for zonky to unpack the binaries on a first start (measured: 96 MB is not). */
  static final int HEAP_MB = 256;

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public Map<String, Integer> defaultPorts() {
    return Map.of("sql", 5432);
  }

  @Override
  public List<String> command(ServiceContext ctx) throws IOException {
    Files.createDirectories(ctx.dataDir());
    return ctx.javaCommand(
        "postgres",
        // zonky's first start unpacks a 14 MB .txz whose xz dictionary alone takes 64 MB of heap:
        // with -Xmx64m the extraction died of OutOfMemoryError on every machine that had never
        // run the stack. The serial collector hands the heap back once the holder idles.
        List.of("-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC"),
        "dev.agentos.deploy.postgres.PostgresServerMain",
        List.of(
            "--port",
            String.valueOf(ctx.port("sql")),
            "--data-dir",
            ctx.dataDir().toString(),
            "--binaries-dir",
            binariesDir(ctx).toString()));
  }

  /**
   * The binaries live in the stack's own folder, one sub-folder per archive digest: never in the
   * shared temp folder, where another user's or an interrupted run's extraction could break ours.
   */
  static Path binariesDir(ServiceContext ctx) {
    return ctx.home().resolve("binaries");
  }

  @Override
  public boolean isHealthy(ServiceContext ctx) {
    // The holder prints its ready line only after zonky has seen the server accept connections.
    return Health.tcpOpen(ctx.port("sql"))
        && Health.logContains(ctx.consoleLog(), "PostgreSQL ready on");
  }

  @Override
  public Map<String, String> endpoints(ServiceContext ctx) {
    return Map.of(
        StackEndpoints.POSTGRES_JDBC_URL,
        "jdbc:postgresql://127.0.0.1:" + ctx.port("sql") + "/postgres",
        StackEndpoints.POSTGRES_USER,
        USER,
        StackEndpoints.POSTGRES_PASSWORD,
        USER);
  }
}
