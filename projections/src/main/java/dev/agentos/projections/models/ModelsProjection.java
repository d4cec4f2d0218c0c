package dev.agentos.projections.models;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.events.derived.ModelPerformanceReported;
import dev.agentos.events.derived.ModelPromoted;
import dev.agentos.events.derived.ModelTrained;
import dev.agentos.projections.source.BatchPerUnitOfWork;
import dev.agentos.projections.source.BatchWriter;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.projections.source.SplitOnRefusal;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The processing group {@value #GROUP}: the models topic's trainings, promotions and live
 * performance reports become a tenant's models, what {@code GET /v1/models} reads. Writes are
 * collected per processor batch and written together.
 */
@ProcessingGroup(ModelsProjection.GROUP)
public class ModelsProjection {

  public static final String GROUP = "models-cassandra";

  private final BatchPerUnitOfWork<ModelWrite> batch;
  private final Runnable clear;

  /**
   * @param clear empties the models tables, before a replay
   * @param refused sets aside the records of writes Cassandra refuses for good
   */
  public ModelsProjection(BatchWriter<ModelWrite> writer, Runnable clear, RefusedRecords refused) {
    this.clear = clear;
    this.batch = new BatchPerUnitOfWork<>(GROUP, writer, refused);
  }

  /** The writer into the tables of the keyspace {@code session} is on. */
  public static BatchWriter<ModelWrite> writerOn(CqlSession session) {
    CassandraModelTables tables = new CassandraModelTables(session);
    return new SplitOnRefusal<>(
        tables::write,
        w ->
            "the "
                + w.getClass().getSimpleName().toLowerCase()
                + " write of model "
                + w.modelName()
                + " of tenant "
                + w.tenantId());
  }

  /**
   * Axon calls this when the processor's tokens are reset: the replay starts from empty tables, so
   * a live report's timestamp cannot keep an older one from being written again.
   */
  @ResetHandler
  void clear() {
    clear.run();
  }

  @EventHandler
  void on(ModelTrained e) {
    batch.add(ModelRows.of(e));
  }

  @EventHandler
  void on(ModelPromoted e) {
    batch.add(ModelRows.of(e));
  }

  @EventHandler
  void on(ModelPerformanceReported e) {
    batch.add(ModelRows.of(e));
  }
}
