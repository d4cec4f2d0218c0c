package dev.agentos.projections.models;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.CalibrationBin;
import dev.agentos.events.derived.ModelPerformanceReported;
import dev.agentos.events.derived.ModelPromoted;
import dev.agentos.events.derived.ModelRole;
import dev.agentos.events.derived.ModelTrained;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One tenant's model as the training job, an operator's promotion and the prediction job's scoring
 * publish it on the models topic: each call a new event (its own eventId), projectId "*".
 */
final class ModelEvents {

  final String tenant;
  final String model;

  ModelEvents(String tenant, String model) {
    this.tenant = tenant;
    this.model = model;
  }

  ModelTrained trained(String version, Instant at, double auc) {
    return ModelTrained.newBuilder()
        .setHeader(header(at))
        .setModelName(model)
        .setModelVersion(version)
        .setAlgorithm("xgboost")
        .setFeatureSetVersion("v1")
        .setTrainedOn(800)
        .setMetrics(Map.of("auc", auc, "logLoss", 0.41))
        .setWindowStart(at.minus(Duration.ofDays(30)))
        .setWindowEnd(at)
        .setEvaluatedOn(200)
        .setEvaluationStart(at.minus(Duration.ofDays(5)))
        .setCalibration(
            List.of(
                new CalibrationBin(0.0, 0.5, 120L, 0.3, 0.28),
                new CalibrationBin(0.5, 1.0, 80L, 0.7, 0.75)))
        .setArtifactUri("file:///models/" + model + "/" + version + ".ubj")
        .setArtifactSha256("ab".repeat(32))
        .setFeatureNames(List.of("agent.execution.success.rate.24h", "session.retries"))
        .build();
  }

  ModelPromoted promoted(String version, String previous, Instant at) {
    return ModelPromoted.newBuilder()
        .setHeader(header(at))
        .setModelName(model)
        .setModelVersion(version)
        .setPreviousVersion(previous)
        .setReason("better live log loss")
        .build();
  }

  ModelPerformanceReported scored(String version, long resolved, long correct, Instant asOf) {
    return ModelPerformanceReported.newBuilder()
        .setHeader(header(asOf))
        .setModelName(model)
        .setModelVersion(version)
        .setRole(ModelRole.CHAMPION)
        .setResolved(resolved)
        .setCorrect(correct)
        .setLogLoss(0.5)
        .setBrierScore(0.2)
        .setAsOf(asOf)
        .build();
  }

  private EventHeader header(Instant at) {
    return new EventHeader(
        UUID.randomUUID().toString(), at, tenant, "*", "training-job", null, null, "flink");
  }
}
