package dev.agentos.projections.predictions;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.events.derived.PredictionMade;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.projections.source.BatchPerUnitOfWork;
import dev.agentos.projections.source.BatchWriter;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.projections.source.SplitOnRefusal;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The processing group {@value #GROUP}: every {@code PredictionMade} of the prediction job becomes
 * its row, and the executions topic's {@code ExecutionCompleted} and {@code VerificationCompleted}
 * the outcome of the execution or suggestion they finish, what {@code GET /v1/predictions} reads.
 * The two topics are read by one processor, in no order relative to each other: an outcome may be
 * written before the predictions it labels, into the same partition. Writes are collected per
 * processor batch and written together.
 */
@ProcessingGroup(PredictionsProjection.GROUP)
public class PredictionsProjection {

  public static final String GROUP = "predictions-cassandra";

  private final BatchPerUnitOfWork<PredictionWrite> batch;
  private final Runnable clear;

  /**
   * @param clear empties the predictions table, before a replay
   * @param refused sets aside the records of writes Cassandra refuses for good
   */
  public PredictionsProjection(
      BatchWriter<PredictionWrite> writer, Runnable clear, RefusedRecords refused) {
    this.clear = clear;
    this.batch = new BatchPerUnitOfWork<>(GROUP, writer, refused);
  }

  /** The writer into the table of the keyspace {@code session} is on. */
  public static BatchWriter<PredictionWrite> writerOn(CqlSession session) {
    CassandraPredictionTable table = new CassandraPredictionTable(session);
    return new SplitOnRefusal<>(
        table::write,
        w -> "the " + w.getClass().getSimpleName().toLowerCase() + " write of " + w.subject());
  }

  /**
   * Axon calls this when the processor's tokens are reset: the replay starts from an empty table,
   * so an outcome's timestamp cannot keep an older one from being written again.
   */
  @ResetHandler
  void clear() {
    clear.run();
  }

  @EventHandler
  void on(PredictionMade e) {
    batch.add(PredictionRows.of(e));
  }

  @EventHandler
  void on(ExecutionCompleted e) {
    batch.add(PredictionRows.of(e));
  }

  @EventHandler
  void on(VerificationCompleted e) {
    batch.add(PredictionRows.of(e));
  }
}
