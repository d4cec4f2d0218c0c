package dev.agentos.projections.history;

import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryRelationAdded;
import dev.agentos.events.memory.MemoryRelationRemoved;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.projections.source.AggregateSequence;
import dev.agentos.projections.source.BatchPerUnitOfWork;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.readmodels.history.HistoryRow;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The processing group {@value #GROUP}: every event of a memory aggregate becomes its row of the
 * history read model, what {@code GET /v1/memories/{id}/history} and {@code ?asOf=} read. Rows are
 * collected per processor batch and written together by {@link MemoryHistoryWriter}. What can fail
 * on one bad record (a missing sequence header) fails here, in its handler, so that record alone
 * goes to the dead-letter topic.
 */
@ProcessingGroup(MemoryHistoryProjection.GROUP)
public class MemoryHistoryProjection {

  public static final String GROUP = "memory-history";

  private final BatchPerUnitOfWork<HistoryRow> batch;
  private final Runnable clear;

  /**
   * @param clear empties the history table, before a replay
   * @param refused sets aside the records of rows Cassandra refuses for good
   */
  public MemoryHistoryProjection(
      MemoryHistoryWriter writer, Runnable clear, RefusedRecords refused) {
    this.clear = clear;
    this.batch = new BatchPerUnitOfWork<>(GROUP, writer, refused);
  }

  /**
   * Axon calls this when the processor's tokens are reset: the replay starts from an empty table.
   */
  @ResetHandler
  void clear() {
    clear.run();
  }

  @EventHandler
  void on(MemoryStored e, EventMessage<?> message) {
    add(e, message);
  }

  @EventHandler
  void on(MemoryUpdated e, EventMessage<?> message) {
    add(e, message);
  }

  @EventHandler
  void on(MemorySuperseded e, EventMessage<?> message) {
    add(e, message);
  }

  @EventHandler
  void on(MemoryDeleted e, EventMessage<?> message) {
    add(e, message);
  }

  @EventHandler
  void on(MemoryRelationAdded e, EventMessage<?> message) {
    add(e, message);
  }

  @EventHandler
  void on(MemoryRelationRemoved e, EventMessage<?> message) {
    add(e, message);
  }

  private void add(SpecificRecord e, EventMessage<?> message) {
    batch.add(HistoryRows.of(e, AggregateSequence.of(message)));
  }
}
