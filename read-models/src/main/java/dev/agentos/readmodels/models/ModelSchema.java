package dev.agentos.readmodels.models;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.agentos.readmodels.cassandra.Keyspace;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The layout of the models read model: tables {@value #VERSIONS} and {@value #PROMOTIONS} of {@code
 * models-schema.cql}, created {@code IF NOT EXISTS} (with the keyspace) by the projections at every
 * start. The query side never creates them: it waits until {@link #missing} answers empty, then
 * reads them through {@link ModelReader}.
 */
public final class ModelSchema {

  public static final String VERSIONS = "model_versions";
  public static final String PROMOTIONS = "model_promotions";

  static final String RESOURCE = "models-schema.cql";

  private final Keyspace keyspace;

  /**
   * @param keyspace the read models' keyspace, which these tables join
   */
  public ModelSchema(Keyspace keyspace) {
    this.keyspace = keyspace;
  }

  /** A single-node layout: replication factor 1. */
  public static ModelSchema singleNode(String keyspace) {
    return new ModelSchema(Keyspace.singleNode(keyspace));
  }

  public String keyspace() {
    return keyspace.name();
  }

  public void apply(CqlSession session) {
    keyspace.create(session);
    statements().forEach(ddl -> Keyspace.execute(session, ddl));
  }

  /** Empties the tables, keeping them: what a replay rebuilds from zero. */
  public void truncate(CqlSession session) {
    for (String table : List.of(VERSIONS, PROMOTIONS)) {
      Keyspace.execute(session, "TRUNCATE " + keyspace.name() + "." + table);
    }
  }

  /**
   * The tables {@code session} does not see yet, both when the keyspace is missing; empty once the
   * projections, their one creator, have applied the layout.
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
    return Stream.of(VERSIONS, PROMOTIONS).filter(table -> !present.contains(table)).toList();
  }

  /** The resource's statements, with the keyspace filled in and the comments left out. */
  List<String> statements() {
    return keyspace.statements(ModelSchema.class, RESOURCE);
  }
}
