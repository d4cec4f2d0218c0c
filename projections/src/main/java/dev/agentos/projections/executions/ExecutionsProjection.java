package dev.agentos.projections.executions;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.ExecutionStarted;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationRequested;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.SuggestionOutcomeRecorded;
import dev.agentos.projections.source.BatchPerUnitOfWork;
import dev.agentos.projections.source.BatchWriter;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.projections.source.SplitOnRefusal;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The processing group {@value #GROUP}: the executions topic's lifecycle and verification events
 * and the interactions topic's suggestions and their outcomes become the executions and suggestions
 * read models, what {@code GET /v1/executions} and {@code GET /v1/suggestions} read. The topics are
 * read by one processor in no order relative to each other, and each topic's partitions in none
 * either: every event writes only its own part ({@link ExecutionRows}), at its own write time, so
 * the rows end the same whatever came first and a redelivery changes nothing. Writes are collected
 * per processor batch and written together.
 */
@ProcessingGroup(ExecutionsProjection.GROUP)
public class ExecutionsProjection {

  public static final String GROUP = "executions-cassandra";

  private final BatchPerUnitOfWork<ExecutionWrite> batch;
  private final Runnable clear;

  /**
   * @param clear empties the tables, before a replay
   * @param refused sets aside the records of writes Cassandra refuses for good
   */
  public ExecutionsProjection(
      BatchWriter<ExecutionWrite> writer, Runnable clear, RefusedRecords refused) {
    this.clear = clear;
    this.batch = new BatchPerUnitOfWork<>(GROUP, writer, refused);
  }

  /** The writer into the tables of the keyspace {@code session} is on. */
  public static BatchWriter<ExecutionWrite> writerOn(CqlSession session) {
    CassandraExecutionTables tables = new CassandraExecutionTables(session);
    return new SplitOnRefusal<>(tables::write, ExecutionWrite::describe);
  }

  /**
   * Axon calls this when the processor's tokens are reset: the replay starts from empty tables, so
   * no cell's write time can keep the same event from being written again.
   */
  @ResetHandler
  void clear() {
    clear.run();
  }

  @EventHandler
  void on(ExecutionRequested e) {
    batch.add(ExecutionRows.of(e));
  }

  @EventHandler
  void on(ExecutionStarted e) {
    batch.add(ExecutionRows.of(e));
  }

  @EventHandler
  void on(ExecutionCompleted e) {
    batch.add(ExecutionRows.of(e));
  }

  @EventHandler
  void on(VerificationRequested e) {
    batch.add(ExecutionRows.of(e));
  }

  @EventHandler
  void on(VerificationCompleted e) {
    batch.add(ExecutionRows.of(e));
  }

  @EventHandler
  void on(CodeSuggestionProposed e) {
    batch.add(ExecutionRows.of(e));
  }

  @EventHandler
  void on(SuggestionOutcomeRecorded e) {
    batch.add(ExecutionRows.of(e));
  }
}
