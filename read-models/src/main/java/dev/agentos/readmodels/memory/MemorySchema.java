package dev.agentos.readmodels.memory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.agentos.readmodels.cassandra.Keyspace;
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
  private final Keyspace keyspace;

  /**
   * @param keyspace the keyspace to create and fill
   * @param replication the CQL replication map, e.g. {@code {'class': 'SimpleStrategy',
   *     'replication_factor': 1}}
   */
  public MemorySchema(String keyspace, String replication) {
    this.keyspace = new Keyspace(keyspace, replication);
  }

  /** A single-node schema: replication factor 1. */
  public static MemorySchema singleNode(String keyspace) {
    Keyspace single = Keyspace.singleNode(keyspace);
    return new MemorySchema(single.name(), single.replication());
  }

  public String keyspace() {
    return keyspace.name();
  }

  public void apply(CqlSession session) {
    keyspace.create(session);
    statements().forEach(ddl -> Keyspace.execute(session, ddl));
  }

  /**
   * Empties every table of the schema, keeping the tables: what a replay rebuilds from zero. That
   * includes the versions and access tallies, or the replayed events would all be skipped as seen.
   */
  public void truncate(CqlSession session) {
    tableNames()
        .forEach(table -> Keyspace.execute(session, "TRUNCATE " + keyspace.name() + "." + table));
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
                "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?",
                keyspace.name()))
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
    Keyspace.execute(session, "DROP KEYSPACE IF EXISTS " + keyspace.name());
  }

  /**
   * The statements of the resource (tables, then the indexes on them), with the keyspace filled in.
   */
  public List<String> statements() {
    return keyspace.statements(MemorySchema.class, RESOURCE);
  }
}
