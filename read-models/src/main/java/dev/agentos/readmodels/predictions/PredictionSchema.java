package dev.agentos.readmodels.predictions;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.agentos.readmodels.cassandra.Keyspace;
import java.util.List;

/**
 * The layout of the predictions read model: table {@value #TABLE} of {@code
 * predictions-schema.cql}, created {@code IF NOT EXISTS} (with the keyspace) by the projections at
 * every start. The query side never creates it: it waits until {@link #missing} answers empty, then
 * reads it through {@link PredictionReader}.
 */
public final class PredictionSchema {

  public static final String TABLE = "predictions_by_subject";

  static final String RESOURCE = "predictions-schema.cql";

  private final Keyspace keyspace;

  /**
   * @param keyspace the read models' keyspace, which this table joins
   */
  public PredictionSchema(Keyspace keyspace) {
    this.keyspace = keyspace;
  }

  /** A single-node layout: replication factor 1. */
  public static PredictionSchema singleNode(String keyspace) {
    return new PredictionSchema(Keyspace.singleNode(keyspace));
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

  /**
   * The table when {@code session} does not see it yet (nor, then, the keyspace); empty once the
   * projections, its one creator, have applied the layout.
   */
  public List<String> missing(CqlSession session) {
    boolean present =
        session
                .execute(
                    SimpleStatement.newInstance(
                        "SELECT table_name FROM system_schema.tables"
                            + " WHERE keyspace_name = ? AND table_name = ?",
                        keyspace.name(),
                        TABLE))
                .one()
            != null;
    return present ? List.of() : List.of(TABLE);
  }

  /** The table's statement, with the keyspace filled in and the comments left out. */
  String table() {
    return keyspace.statements(PredictionSchema.class, RESOURCE).get(0);
  }
}
