package dev.agentos.readmodels.patterns;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.agentos.readmodels.cassandra.Keyspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;

/**
 * The layout of the patterns read model: table {@value #TABLE} and its list indexes, from {@code
 * patterns-schema.cql}, created {@code IF NOT EXISTS} (with the keyspace) by the projections at
 * every start. The query side never creates it: it waits until {@link #missing} answers empty, then
 * reads it through {@link PatternReader}.
 */
public final class PatternSchema {

  public static final String TABLE = "patterns";

  static final String RESOURCE = "patterns-schema.cql";

  private static final java.util.regex.Pattern INDEX_NAME =
      java.util.regex.Pattern.compile(
          "CREATE CUSTOM INDEX IF NOT EXISTS (\\w+) ON", java.util.regex.Pattern.CASE_INSENSITIVE);

  private final Keyspace keyspace;

  /**
   * @param keyspace the read models' keyspace, which this table joins
   */
  public PatternSchema(Keyspace keyspace) {
    this.keyspace = keyspace;
  }

  /** A single-node layout: replication factor 1. */
  public static PatternSchema singleNode(String keyspace) {
    return new PatternSchema(Keyspace.singleNode(keyspace));
  }

  public String keyspace() {
    return keyspace.name();
  }

  /**
   * Creates the keyspace, then the table, then its indexes. The indexes are sent together rather
   * than one after the other: the driver answers a schema change only after refreshing its schema
   * metadata, which it debounces for a second, so four in a row cost four refreshes and four
   * together one (as {@code ListIndexes} found).
   */
  public void apply(CqlSession session) {
    keyspace.create(session);
    List<String> statements = statements();
    Keyspace.execute(session, statements.get(0));
    CompletableFuture<?>[] indexes =
        statements.subList(1, statements.size()).stream()
            .map(
                ddl ->
                    session
                        .executeAsync(
                            SimpleStatement.newInstance(ddl).setTimeout(Keyspace.DDL_TIMEOUT))
                        .toCompletableFuture())
            .toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(indexes).join();
  }

  /** Empties the table, keeping it and its indexes: what a replay rebuilds from zero. */
  public void truncate(CqlSession session) {
    Keyspace.execute(session, "TRUNCATE " + keyspace.name() + "." + TABLE);
  }

  /**
   * The table and indexes {@code session} does not see yet, all of them when the keyspace is
   * missing: empty once the projections (the layout's one creator) have applied it. The indexes
   * count, as a list filtered by a missing one would fail.
   */
  public List<String> missing(CqlSession session) {
    Set<String> present = new HashSet<>();
    for (Row row : select(session, "SELECT table_name FROM system_schema.tables")) {
      present.add(row.getString("table_name"));
    }
    for (Row row : select(session, "SELECT index_name FROM system_schema.indexes")) {
      present.add(row.getString("index_name"));
    }
    List<String> wanted = new ArrayList<>();
    wanted.add(TABLE);
    wanted.addAll(indexNames());
    return wanted.stream().filter(name -> !present.contains(name)).toList();
  }

  /** The names of the list indexes, in the resource's order. */
  List<String> indexNames() {
    return statements().stream()
        .map(INDEX_NAME::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .toList();
  }

  /** The resource's statements (the table, then its indexes), with the keyspace filled in. */
  List<String> statements() {
    return keyspace.statements(PatternSchema.class, RESOURCE);
  }

  private Iterable<Row> select(CqlSession session, String query) {
    return session.execute(
        SimpleStatement.newInstance(query + " WHERE keyspace_name = ?", keyspace.name()));
  }
}
