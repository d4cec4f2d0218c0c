package dev.agentos.projections.features;

import dev.agentos.events.derived.FeatureVectorComputed;
import dev.agentos.projections.source.BatchPerUnitOfWork;
import dev.agentos.projections.source.RefusedRecords;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The processing group {@value #GROUP}: every {@code FeatureVectorComputed} the features job
 * publishes becomes one InfluxDB point, what {@code GET /v1/features} reads. A vector InfluxDB
 * cannot store is refused when it arrives ({@link FeaturePointMapper}), so its record alone is
 * dead-lettered; the points of a processor batch are written in one request ({@link
 * FeaturePointWriter}).
 */
@ProcessingGroup(FeaturesInfluxProjection.GROUP)
public class FeaturesInfluxProjection {

  public static final String GROUP = "features-influx";

  private final FeaturePointMapper mapper = new FeaturePointMapper();
  private final BatchPerUnitOfWork<FeatureVectorPoint> batch;
  private final FeaturePointWriter writer;

  /**
   * @param refused sets aside the records of vectors InfluxDB refuses for good
   */
  public FeaturesInfluxProjection(FeaturePointWriter writer, RefusedRecords refused) {
    this.writer = writer;
    this.batch = new BatchPerUnitOfWork<>(GROUP, writer, refused);
  }

  /**
   * Axon calls this when the processor's tokens are reset: the replay starts from no vectors, so
   * the rebuilt read model is exactly what the topic holds. The topic is compacted, so that is each
   * entity's latest vector per window plus what compaction has not reached yet: a feature's series
   * older than that is not rebuilt (the topic, not InfluxDB, is the source of truth).
   */
  @ResetHandler
  void clear() {
    writer.dropAll();
  }

  @EventHandler
  void on(FeatureVectorComputed vector) {
    batch.add(mapper.toPoint(vector));
  }
}
