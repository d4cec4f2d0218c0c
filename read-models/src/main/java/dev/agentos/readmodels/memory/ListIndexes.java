package dev.agentos.readmodels.memory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.agentos.readmodels.cassandra.Keyspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The storage-attached indexes behind the type and tag filters of memory lists (ADR 0005). A
 * rebuild drops them and creates them again once every record is written (ADR 0007): Cassandra then
 * builds each from the flushed SSTables in one pass instead of inserting every list row into two
 * in-memory indexes as it is written, which was a third of its CPU in a replay. The DDL is {@code
 * memory-schema.cql}'s own, so the indexes a rebuild leaves are the ones a start creates.
 */
public final class ListIndexes {

  /**
   * Where Cassandra 5 tells each storage-attached index's state: {@code is_queryable} turns true
   * once its initial build has finished.
   */
  private static final String STATUS =
      "SELECT index_name, is_queryable, is_building FROM system_views.sai_column_indexes"
          + " WHERE keyspace_name = ?";

  private final MemorySchema schema;

  public ListIndexes(MemorySchema schema) {
    this.schema = schema;
  }

  /** Drops the indexes, if they exist: a rebuild's rows are then written without them. */
  public void drop(CqlSession session) {
    executeTogether(
        session,
        schema.indexNames().stream()
            .map(index -> "DROP INDEX IF EXISTS " + schema.keyspace() + "." + index)
            .toList());
  }

  /**
   * Creates the indexes that are missing and tells whether all of them answer queries yet; harmless
   * to call again and again until they do. Creating one returns at once: Cassandra builds it in the
   * background.
   */
  public boolean ensureQueryable(CqlSession session) {
    Map<String, Boolean> queryable = status(session);
    if (!queryable.keySet().containsAll(schema.indexNames())) {
      executeTogether(session, schema.indexStatements());
      return false;
    }
    return schema.indexNames().stream().allMatch(queryable::get);
  }

  /** Each existing index of the keyspace and whether it answers queries (built, not building). */
  public Map<String, Boolean> status(CqlSession session) {
    Map<String, Boolean> status = new HashMap<>();
    for (Row row : session.execute(SimpleStatement.newInstance(STATUS, schema.keyspace()))) {
      status.put(
          row.getString("index_name"),
          row.getBoolean("is_queryable") && !row.getBoolean("is_building"));
    }
    return status;
  }

  /**
   * Sent together rather than one after the other: the driver answers a schema change only after
   * refreshing its schema metadata, which it debounces for a second, so two in a row took ~2.3 s
   * and two together share one refresh.
   */
  private static void executeTogether(CqlSession session, List<String> ddl) {
    List<CompletableFuture<AsyncResultSet>> sent =
        ddl.stream()
            .map(
                cql ->
                    session
                        .executeAsync(
                            SimpleStatement.newInstance(cql).setTimeout(Keyspace.DDL_TIMEOUT))
                        .toCompletableFuture())
            .toList();
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
  }

  /** The names of the indexes, for messages. */
  public List<String> names() {
    return schema.indexNames();
  }
}
