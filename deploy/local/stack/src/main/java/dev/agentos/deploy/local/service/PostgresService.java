package dev.agentos.deploy.local.service;

import dev.agentos.deploy.local.StackEndpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 14 (Axon's event and token store), from the zonky binaries on Maven Central, held by a
 * small child JVM that stops it on SIGTERM.
 */
public final class PostgresService implements LocalService {

  /** The embedded binaries' superuser; it trusts local connections, so the password is unused. */
  private static final String USER = "postgres";

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
        List.of("-Xmx64m"),
        "dev.agentos.deploy.postgres.PostgresServerMain",
        List.of("--port", String.valueOf(ctx.port("sql")), "--data-dir", ctx.dataDir().toString()));
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
