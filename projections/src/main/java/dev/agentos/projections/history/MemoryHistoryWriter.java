package dev.agentos.projections.history;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.agentos.projections.source.BatchWriter;
import dev.agentos.projections.source.Refusal;
import dev.agentos.readmodels.history.HistoryRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a processor batch of history rows. Each row is its event's own, keyed by sequence, so a
 * redelivered batch writes the same rows again and changes nothing, and no row is read first.
 *
 * <p>When the table refuses a write for good (an invalid query), the rows are written again one at
 * a time and those it still refuses are answered, with its message, for their records to become
 * dead letters; writing the others again is harmless. Anything else (a timeout, a node down) is
 * thrown, and the processor retries the batch.
 */
public final class MemoryHistoryWriter implements BatchWriter<HistoryRow> {

  private final HistoryTable table;

  MemoryHistoryWriter(HistoryTable table) {
    this.table = table;
  }

  /** A writer into the table of the keyspace {@code session} is on. */
  public static MemoryHistoryWriter onCassandra(CqlSession session) {
    return new MemoryHistoryWriter(new CassandraHistoryTable(session));
  }

  @Override
  public List<Refusal<HistoryRow>> write(List<HistoryRow> rows) {
    try {
      table.write(rows);
      return List.of();
    } catch (InvalidQueryException refused) {
      if (rows.size() == 1) {
        HistoryRow row = rows.get(0);
        return List.of(
            new Refusal<>(
                row,
                "Cassandra refused the history row of "
                    + row.eventType()
                    + " "
                    + row.sequence()
                    + " of memory "
                    + row.memoryId()
                    + ": "
                    + refused.getMessage(),
                refused.getClass().getName()));
      }
    }
    List<Refusal<HistoryRow>> refusals = new ArrayList<>();
    for (HistoryRow row : rows) {
      refusals.addAll(write(List.of(row)));
    }
    return refusals;
  }
}
