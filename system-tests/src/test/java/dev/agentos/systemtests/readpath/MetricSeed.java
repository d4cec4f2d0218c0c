package dev.agentos.systemtests.readpath;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.metrics.MetricKind;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.projections.metrics.MetricPointMapper;
import dev.agentos.projections.metrics.MetricPointWriter;
import dev.agentos.query.it.RunningQuerySide;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes metric samples into the query side's metrics database with the projection's own mapper and
 * writer, as {@code metrics-influx} would after reading them from Kafka.
 */
final class MetricSeed {

  private final MetricPointMapper mapper = new MetricPointMapper();
  private final MetricPointWriter writer;

  MetricSeed(RunningQuerySide app) {
    this.writer = new MetricPointWriter(app.influx(), app.metricsDatabase());
  }

  void sample(
      String tenant,
      String project,
      String agent,
      String session,
      String name,
      Instant at,
      double value,
      Map<String, String> tags) {
    MetricRecorded metric =
        MetricRecorded.newBuilder()
            .setHeader(
                new EventHeader(
                    UUID.randomUUID().toString(), at, tenant, project, agent, session, null, "it"))
            .setName(name)
            .setKind(MetricKind.GAUGE)
            .setValue(value)
            .setUnit("ms")
            .setTags(tags)
            .build();
    if (!writer.write(List.of(mapper.toPoint(metric))).isEmpty()) {
      throw new IllegalStateException("InfluxDB refused a seeded sample");
    }
  }
}
