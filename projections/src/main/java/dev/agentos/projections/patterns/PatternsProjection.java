package dev.agentos.projections.patterns;

import dev.agentos.events.derived.PatternDetected;
import dev.agentos.projections.source.BatchPerUnitOfWork;
import dev.agentos.projections.source.RefusedRecords;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The processing group {@value #GROUP}: every {@code PatternDetected} snapshot the learning jobs
 * publish becomes its pattern's row, what {@code GET /v1/patterns} reads. Snapshots are collected
 * per processor batch and written together by {@link PatternWriter}. What can fail on one bad
 * record (a snapshot no write timestamp can order) fails here, in its handler, so that record alone
 * goes to the dead-letter topic.
 */
@ProcessingGroup(PatternsProjection.GROUP)
public class PatternsProjection {

  public static final String GROUP = "patterns-cassandra";

  private final BatchPerUnitOfWork<PatternWrite> batch;
  private final Runnable clear;

  /**
   * @param clear empties the patterns table, before a replay
   * @param refused sets aside the records of snapshots Cassandra refuses for good
   */
  public PatternsProjection(PatternWriter writer, Runnable clear, RefusedRecords refused) {
    this.clear = clear;
    this.batch = new BatchPerUnitOfWork<>(GROUP, writer, refused);
  }

  /**
   * Axon calls this when the processor's tokens are reset: the replay starts from an empty table.
   * It must: the replayed snapshots carry the timestamps of the rows they rebuild, and over a kept
   * row a cell of an equal timestamp changes only if its value is greater.
   */
  @ResetHandler
  void clear() {
    clear.run();
  }

  @EventHandler
  void on(PatternDetected e) {
    batch.add(PatternWrite.of(e));
  }
}
