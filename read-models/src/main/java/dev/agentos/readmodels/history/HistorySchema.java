package dev.agentos.readmodels.history;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.readmodels.cassandra.Keyspace;

/**
 * The layout of the memory history read model: table {@value #TABLE} of {@code history-schema.cql},
 * created {@code IF NOT EXISTS} (with its keyspace) by the projections at every start. The query
 * side never creates it; it reads it through {@link MemoryHistoryReader}.
 */
public final class HistorySchema {

  public static final String TABLE = "memory_history";

  static final String RESOURCE = "history-schema.cql";

  private final Keyspace keyspace;

  /**
   * @param keyspace the keyspace of the memory read models, which this table joins
   */
  public HistorySchema(Keyspace keyspace) {
    this.keyspace = keyspace;
  }

  /** A single-node layout: replication factor 1. */
  public static HistorySchema singleNode(String keyspace) {
    return new HistorySchema(Keyspace.singleNode(keyspace));
  }

  public String keyspace() {
    return keyspace.name();
  }

  public void apply(CqlSession session) {
    keyspace.create(session);
    Keyspace.execute(session, table());
  }

  /** Empties the table, keeping it: what a replay rebuilds from zero. */
  public void truncate(CqlSession session) {
    Keyspace.execute(session, "TRUNCATE " + keyspace.name() + "." + TABLE);
  }

  /** The table's statement, with the keyspace filled in and the comments left out. */
  String table() {
    return keyspace.statements(HistorySchema.class, RESOURCE).get(0);
  }
}
