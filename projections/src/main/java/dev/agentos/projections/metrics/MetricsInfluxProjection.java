package dev.agentos.projections.metrics;

import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.projections.source.BatchPerUnitOfWork;
import dev.agentos.projections.source.RefusedRecords;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The processing group {@value #GROUP}: metric samples into InfluxDB, one measurement per metric.
 * Each sample is mapped when it arrives (a sample InfluxDB cannot store is refused alone and
 * dead-lettered); the points of a processor batch are written in one request, and a point InfluxDB
 * refuses for good in it is dead-lettered alone (see {@link MetricPointWriter#write}).
 */
@ProcessingGroup(MetricsInfluxProjection.GROUP)
public class MetricsInfluxProjection {

  public static final String GROUP = "metrics-influx";

  private final MetricPointMapper mapper = new MetricPointMapper();
  private final BatchPerUnitOfWork<MetricPoint> batch;
  private final MetricPointWriter writer;

  /**
   * @param refused sets aside the records of points InfluxDB refuses for good
   */
  public MetricsInfluxProjection(MetricPointWriter writer, RefusedRecords refused) {
    this.writer = writer;
    this.batch = new BatchPerUnitOfWork<>(GROUP, writer::write, refused);
  }

  /** Axon calls this when the processor's tokens are reset: the replay starts from no series. */
  @ResetHandler
  void clear() {
    writer.dropAllSeries();
  }

  @EventHandler
  void on(MetricRecorded metric) {
    batch.add(mapper.toPoint(metric));
  }
}
