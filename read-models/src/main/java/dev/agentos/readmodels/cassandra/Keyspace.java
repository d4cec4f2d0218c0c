package dev.agentos.readmodels.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A read models' keyspace and how their layouts run DDL in it: the name is checked once (it is
 * spliced into DDL), the keyspace created {@code IF NOT EXISTS}, and every statement given the time
 * schema agreement takes. Each layout's CQL is a resource beside its class, {@code ${keyspace}}
 * standing for the name.
 *
 * @param name a plain CQL identifier
 * @param replication the CQL replication map used when the keyspace does not exist yet
 */
public record Keyspace(String name, String replication) {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");

  /** DDL waits for schema agreement, which takes seconds on a small machine. */
  public static final Duration DDL_TIMEOUT = Duration.ofSeconds(60);

  public Keyspace {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a keyspace name: " + name);
    }
  }

  /** A single node's keyspace: replication factor 1. */
  public static Keyspace singleNode(String name) {
    return new Keyspace(name, "{'class': 'SimpleStrategy', 'replication_factor': 1}");
  }

  public void create(CqlSession session) {
    execute(
        session, "CREATE KEYSPACE IF NOT EXISTS " + name + " WITH replication = " + replication);
  }

  public static void execute(CqlSession session, String cql) {
    session.execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
  }

  /**
   * The statements of {@code owner}'s resource {@code resource}, comment lines left out, split at
   * {@code ;}, with this keyspace's name filled in.
   */
  public List<String> statements(Class<?> owner, String resource) {
    StringBuilder cql = new StringBuilder();
    for (String line : read(owner, resource).split("\n")) {
      if (!line.strip().startsWith("--")) {
        cql.append(line).append('\n');
      }
    }
    return Arrays.stream(cql.toString().split(";"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(s -> s.replace("${keyspace}", name))
        .toList();
  }

  private static String read(Class<?> owner, String resource) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
