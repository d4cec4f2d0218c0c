package dev.agentos.projections.history;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.agentos.projections.memory.AsyncStatements;
import dev.agentos.readmodels.history.HistoryRow;
import dev.agentos.readmodels.history.HistorySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@value HistorySchema#TABLE} in Cassandra: a batch's rows go as one unlogged batch per memory
 * (one partition, one mutation), the memories' batches concurrently. A column an event does not
 * carry is left unset, not written as null, so a row leaves no tombstones.
 */
final class CassandraHistoryTable implements HistoryTable {

  private final CqlSession session;
  private final PreparedStatement insert;

  /**
   * @param session a session on the keyspace holding the table
   */
  CassandraHistoryTable(CqlSession session) {
    this.session = session;
    this.insert =
        session.prepare(
            "INSERT INTO "
                + HistorySchema.TABLE
                + " ("
                + String.join(", ", HistoryRow.COLUMNS)
                + ") VALUES ("
                + String.join(", ", HistoryRow.COLUMNS.stream().map(c -> "?").toList())
                + ")");
  }

  @Override
  public void write(List<HistoryRow> rows) {
    Map<List<String>, List<BoundStatement>> byMemory = new LinkedHashMap<>();
    for (HistoryRow row : rows) {
      byMemory
          .computeIfAbsent(List.of(row.tenantId(), row.memoryId()), k -> new ArrayList<>())
          .add(bind(row));
    }
    AsyncStatements.run(
        session,
        byMemory.values().stream()
            .map(
                statements ->
                    statements.size() == 1
                        ? statements.get(0)
                        : BatchStatement.newInstance(
                            DefaultBatchType.UNLOGGED,
                            statements.toArray(BatchableStatement[]::new)))
            .toList());
  }

  private BoundStatement bind(HistoryRow row) {
    Object[] values = row.columnValues();
    BoundStatement bound = insert.bind(values);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        bound = bound.unset(i);
      }
    }
    return bound;
  }
}
