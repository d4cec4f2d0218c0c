package dev.agentos.readmodels.executions;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.agentos.readmodels.cassandra.Keyspace;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The layout of the executions and suggestions read models: the tables of {@code
 * executions-schema.cql}, created {@code IF NOT EXISTS} (with the keyspace) by the projections at
 * every start, as one processing group writes them all. The query side never creates them: it waits
 * until {@link #missing} answers empty, then reads them through {@link ExecutionReader} and {@code
 * SuggestionReader}.
 */
public final class ExecutionSchema {

  public static final String EXECUTIONS = "executions_by_id";
  public static final String EXECUTIONS_BY_SESSION = "executions_by_session";
  public static final String SUGGESTIONS = "suggestions_by_id";
  public static final String SUGGESTIONS_BY_SESSION = "suggestions_by_session";

  static final List<String> TABLES =
      List.of(EXECUTIONS, EXECUTIONS_BY_SESSION, SUGGESTIONS, SUGGESTIONS_BY_SESSION);

  static final String RESOURCE = "executions-schema.cql";

  private final Keyspace keyspace;

  /**
   * @param keyspace the read models' keyspace, which these tables join
   */
  public ExecutionSchema(Keyspace keyspace) {
    this.keyspace = keyspace;
  }

  /** A single-node layout: replication factor 1. */
  public static ExecutionSchema singleNode(String keyspace) {
    return new ExecutionSchema(Keyspace.singleNode(keyspace));
  }

  public String keyspace() {
    return keyspace.name();
  }

  public void apply(CqlSession session) {
    keyspace.create(session);
    for (String table : statements()) {
      Keyspace.execute(session, table);
    }
  }

  /** Empties the tables, keeping them: what a replay rebuilds from zero. */
  public void truncate(CqlSession session) {
    for (String table : TABLES) {
      Keyspace.execute(session, "TRUNCATE " + keyspace.name() + "." + table);
    }
  }

  /**
   * The tables {@code session} does not see yet, all of them when the keyspace is missing: empty
   * once the projections, their one creator, have applied the layout.
   */
  public List<String> missing(CqlSession session) {
    Set<String> present = new HashSet<>();
    for (Row row :
        session.execute(
            SimpleStatement.newInstance(
                "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?",
                keyspace.name()))) {
      present.add(row.getString("table_name"));
    }
    return TABLES.stream().filter(table -> !present.contains(table)).toList();
  }

  /** The resource's statements, with the keyspace filled in and the comments left out. */
  List<String> statements() {
    return keyspace.statements(ExecutionSchema.class, RESOURCE);
  }
}
