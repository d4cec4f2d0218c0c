package dev.agentos.systemtests.readpath;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.CalibrationBin;
import dev.agentos.events.derived.ModelPerformanceReported;
import dev.agentos.events.derived.ModelPromoted;
import dev.agentos.events.derived.ModelRole;
import dev.agentos.events.derived.ModelTrained;
import dev.agentos.projections.models.ModelRows;
import dev.agentos.projections.models.ModelWrite;
import dev.agentos.projections.models.ModelsProjection;
import dev.agentos.projections.source.BatchWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a tenant's models into the query side's models read model with the projections' own
 * writer, as the {@code models-cassandra} projection would after reading the models topic. The
 * tables exist already: the query side waited for them at its start.
 */
final class ModelSeed {

  static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  final String tenant;
  private final BatchWriter<ModelWrite> writer;

  ModelSeed(CqlSession session, String tenant) {
    this.writer = ModelsProjection.writerOn(session);
    this.tenant = tenant;
  }

  static Instant day(int n) {
    return T0.plusSeconds(86_400L * n);
  }

  void trained(String model, String version, int day, double auc) {
    write(
        ModelRows.of(
            ModelTrained.newBuilder()
                .setHeader(header(day(day)))
                .setModelName(model)
                .setModelVersion(version)
                .setAlgorithm("xgboost")
                .setFeatureSetVersion("v1")
                .setTrainedOn(1000)
                .setMetrics(Map.of("auc", auc, "logLoss", 0.5))
                .setWindowStart(day(day - 30))
                .setWindowEnd(day(day))
                .setEvaluatedOn(250)
                .setEvaluationStart(day(day - 5))
                .setCalibration(
                    List.of(
                        new CalibrationBin(0.0, 0.5, 150L, 0.25, 0.3),
                        new CalibrationBin(0.5, 1.0, 100L, 0.75, 0.7)))
                .setArtifactUri("file:///models/" + model + "/" + version)
                .setArtifactSha256("0f".repeat(32))
                .setFeatureNames(List.of("session.retries", "agent.execution.success.rate.24h"))
                .build()));
  }

  void promoted(String model, String version, String previous, int day) {
    write(
        ModelRows.of(
            ModelPromoted.newBuilder()
                .setHeader(header(day(day)))
                .setModelName(model)
                .setModelVersion(version)
                .setPreviousVersion(previous)
                .setReason("challenger beat the champion live")
                .build()));
  }

  void scored(String model, String version, long resolved, long correct, int day) {
    write(
        ModelRows.of(
            ModelPerformanceReported.newBuilder()
                .setHeader(header(day(day)))
                .setModelName(model)
                .setModelVersion(version)
                .setRole(ModelRole.CHALLENGER)
                .setResolved(resolved)
                .setCorrect(correct)
                .setLogLoss(0.4)
                .setBrierScore(0.125)
                .setAsOf(day(day))
                .build()));
  }

  private EventHeader header(Instant at) {
    return new EventHeader(
        UUID.randomUUID().toString(), at, tenant, "*", "training-job", null, null, "flink");
  }

  private void write(ModelWrite write) {
    if (!writer.write(List.of(write)).isEmpty()) {
      throw new IllegalStateException("the models tables refused a seeded write");
    }
  }
}
