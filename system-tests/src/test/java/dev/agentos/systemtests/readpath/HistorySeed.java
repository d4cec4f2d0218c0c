package dev.agentos.systemtests.readpath;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.projections.history.HistoryRows;
import dev.agentos.projections.history.MemoryHistoryWriter;
import dev.agentos.readmodels.history.HistoryRow;
import dev.agentos.readmodels.history.HistorySchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes memories' events into the query side's history read model with the projections' own
 * writer, as the {@code memory-history} projection would after reading them from Kafka; and creates
 * its table first, as the projections do at their start (the query side never creates it).
 */
final class HistorySeed {

  private final MemoryHistoryWriter writer;

  HistorySeed(CqlSession session) {
    HistorySchema.singleNode(session.getKeyspace().orElseThrow().asInternal()).apply(session);
    this.writer = MemoryHistoryWriter.onCassandra(session);
  }

  /** Writes {@code events} as events 0, 1, 2, … of their memory's stream. */
  void append(SpecificRecord... events) {
    List<HistoryRow> rows = new ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      rows.add(HistoryRows.of(events[i], i));
    }
    if (!writer.write(rows).isEmpty()) {
      throw new IllegalStateException("the history table refused a seeded row");
    }
  }
}
