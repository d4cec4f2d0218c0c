package dev.agentos.readmodels.memory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creates the memory read-model keyspace, tables and indexes from {@code memory-schema.cql}, all
 * with {@code IF NOT EXISTS}, so applying it at every start is harmless. The keyspace name is a
 * parameter so tests and tenants of the stack can keep theirs apart.
 */
public final class MemorySchema {

  static final String RESOURCE = "memory-schema.cql";
  private static final Pattern TABLE_NAME =
      Pattern.compile("CREATE TABLE IF NOT EXISTS \\S+\\.(\\w+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern INDEX_NAME =
      Pattern.compile("CREATE CUSTOM INDEX IF NOT EXISTS (\\w+) ON", Pattern.CASE_INSENSITIVE);
  private static final Pattern KEYSPACE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");
  // DDL waits for schema agreement, which takes seconds on a small machine.
  static final Duration DDL_TIMEOUT = Duration.ofSeconds(60);

  private final String keyspace;
  private final String replication;

  /**
   * @param keyspace the keyspace to create and fill
   * @param replication the CQL replication map, e.g. {@code {'class': 'SimpleStrategy',
   *     'replication_factor': 1}}
   */
  public MemorySchema(String keyspace, String replication) {
    if (!KEYSPACE_NAME.matcher(keyspace).matches()) {
      // The name is spliced into DDL, so it must be a plain identifier.
      throw new IllegalArgumentException("not a keyspace name: " + keyspace);
    }
    this.keyspace = keyspace;
    this.replication = replication;
  }

  /** A single-node schema: replication factor 1. */
  public static MemorySchema singleNode(String keyspace) {
    return new MemorySchema(keyspace, "{'class': 'SimpleStrategy', 'replication_factor': 1}");
  }

  public String keyspace() {
    return keyspace;
  }

  public void apply(CqlSession session) {
    execute(
        session,
        "CREATE KEYSPACE IF NOT EXISTS " + keyspace + " WITH replication = " + replication);
    statements().forEach(ddl -> execute(session, ddl));
  }

  /**
   * Empties every table of the schema, keeping the tables: what a replay rebuilds from zero. That
   * includes the versions and access tallies, or the replayed events would all be skipped as seen.
   */
  public void truncate(CqlSession session) {
    tableNames().forEach(table -> execute(session, "TRUNCATE " + keyspace + "." + table));
  }

  /**
   * The tables of the schema that {@code session} does not see yet, all of them when the keyspace
   * is missing: empty once the projections (the schema's one creator) have applied it.
   */
  public List<String> missingTables(CqlSession session) {
    Set<String> present = new HashSet<>();
    session
        .execute(
            SimpleStatement.newInstance(
                "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?", keyspace))
        .forEach(row -> present.add(row.getString("table_name")));
    return tableNames().stream().filter(table -> !present.contains(table)).toList();
  }

  /** The tables the schema creates, in its order. */
  public List<String> tableNames() {
    return statements().stream()
        .map(TABLE_NAME::matcher)
        .filter(java.util.regex.Matcher::find)
        .map(m -> m.group(1))
        .toList();
  }

  /** The storage-attached indexes' statements, in the schema's order (see {@link ListIndexes}). */
  public List<String> indexStatements() {
    return statements().stream().filter(s -> INDEX_NAME.matcher(s).find()).toList();
  }

  /** The names of the indexes {@link #indexStatements()} create. */
  public List<String> indexNames() {
    return indexStatements().stream()
        .map(INDEX_NAME::matcher)
        .filter(java.util.regex.Matcher::find)
        .map(m -> m.group(1))
        .toList();
  }

  public void drop(CqlSession session) {
    execute(session, "DROP KEYSPACE IF EXISTS " + keyspace);
  }

  /**
   * The statements of the resource (tables, then the indexes on them), with the keyspace filled in.
   */
  public List<String> statements() {
    String withoutComments =
        Arrays.stream(readResource().split("\n"))
            .filter(line -> !line.strip().startsWith("--"))
            .reduce("", (a, b) -> a + b + "\n");
    return Arrays.stream(withoutComments.split(";"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(s -> s.replace("${keyspace}", keyspace))
        .toList();
  }

  static void execute(CqlSession session, String cql) {
    session.execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
  }

  private static String readResource() {
    try (InputStream in = MemorySchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
