package dev.agentos.projections.anomalies;

import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.projections.source.BatchPerUnitOfWork;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.readmodels.anomalies.Anomaly;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The processing group {@value #GROUP}: every {@code AnomalyDetected} the anomaly job publishes
 * becomes its anomaly's rows, what {@code GET /v1/anomalies} reads. Anomalies are collected per
 * processor batch and written together by {@link AnomalyWriter}.
 */
@ProcessingGroup(AnomaliesProjection.GROUP)
public class AnomaliesProjection {

  public static final String GROUP = "anomalies-cassandra";

  private final BatchPerUnitOfWork<Anomaly> batch;
  private final Runnable clear;

  /**
   * @param clear empties the anomalies tables, before a replay
   * @param refused sets aside the records of anomalies Cassandra refuses for good
   */
  public AnomaliesProjection(AnomalyWriter writer, Runnable clear, RefusedRecords refused) {
    this.clear = clear;
    this.batch = new BatchPerUnitOfWork<>(GROUP, writer, refused);
  }

  /**
   * Axon calls this when the processor's tokens are reset: the replay starts from empty tables, so
   * an anomaly whose event retention has since deleted does not outlive the rebuild.
   */
  @ResetHandler
  void clear() {
    clear.run();
  }

  @EventHandler
  void on(AnomalyDetected e) {
    batch.add(AnomalyRows.of(e));
  }
}
