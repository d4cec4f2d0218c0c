package dev.agentos.systemtests.readpath;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.FeatureEntity;
import dev.agentos.events.derived.FeatureVectorComputed;
import dev.agentos.projections.features.FeaturePointMapper;
import dev.agentos.projections.features.FeaturePointWriter;
import dev.agentos.query.it.RunningQuerySide;
import dev.agentos.readmodels.features.FeatureEntityIds;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Writes feature vectors into the query side's features database with the projection's own mapper
 * and writer, as {@code features-influx} would after reading them from Kafka. Each vector holds
 * {@code execution.count} and {@code execution.success.rate}, named with its window's label as the
 * features job names them.
 */
final class FeatureSeed {

  private final FeaturePointMapper mapper = new FeaturePointMapper();
  private final FeaturePointWriter writer;

  FeatureSeed(RunningQuerySide app) {
    this.writer = new FeaturePointWriter(app.influx(), app.featuresDatabase());
  }

  void vector(
      FeatureEntity type,
      String tenant,
      String project,
      String id,
      String window,
      Instant asOf,
      double count,
      double rate) {
    FeatureVectorComputed vector =
        FeatureVectorComputed.newBuilder()
            .setHeader(
                new EventHeader(
                    UUID.randomUUID().toString(),
                    asOf,
                    tenant,
                    project,
                    type == FeatureEntity.AGENT ? id : "flink",
                    type == FeatureEntity.SESSION ? id : null,
                    null,
                    "flink:features"))
            .setEntityType(type)
            .setEntityId(FeatureEntityIds.of(type, tenant, project, id))
            .setFeatureSetVersion("v1")
            .setWindow(window)
            .setFeatureNames(
                Arrays.asList("execution.count." + window, "execution.success.rate." + window))
            .setFeatureValues(List.of(count, rate))
            .setAsOf(asOf)
            .build();
    if (!writer.write(List.of(mapper.toPoint(vector))).isEmpty()) {
      throw new IllegalStateException("InfluxDB refused a seeded vector");
    }
  }
}
