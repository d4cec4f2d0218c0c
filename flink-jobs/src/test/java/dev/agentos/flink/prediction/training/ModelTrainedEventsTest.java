package dev.agentos.flink.prediction.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.derived.ModelTrained;
import dev.agentos.flink.prediction.PredictionTarget;
import dev.agentos.flink.prediction.model.ModelArtifacts.StoredArtifact;
import dev.agentos.schemas.topics.EventKeys;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTrainedEventsTest {

  private static final Instant TRAINED_AT = Instant.parse("2026-12-07T20:15:00Z");
  private static final StoredArtifact ARTIFACT =
      new StoredArtifact(
          "20261207T201500Z-0abc",
          URI.create("file:///models/tenant-a/execution-success/20261207T201500Z-0abc/model.ubj"),
          "ab".repeat(32));

  @Test
  void recordsTheSlicesTheMetricsAndTheArtifact() {
    TrainingOutcome.Trained trained =
        (TrainingOutcome.Trained)
            new ModelTrainer(SyntheticHistory.FEATURES)
                .train(
                    SyntheticHistory.TENANT,
                    PredictionTarget.EXECUTION_SUCCESS,
                    SyntheticHistory.withSignal(500, 1));

    ModelTrained event =
        ModelTrainedEvents.of(trained, ARTIFACT, TRAINED_AT, "p1", SyntheticHistory.FEATURES);

    assertThat(event.getHeader().getTenantId()).isEqualTo("tenant-a");
    assertThat(event.getHeader().getProjectId()).isEqualTo("*");
    assertThat(event.getHeader().getAgentId()).isEqualTo("agentos-retrain");
    assertThat(event.getHeader().getSource()).isEqualTo("flink");
    assertThat(event.getHeader().getOccurredAt()).isEqualTo(TRAINED_AT);
    assertThat(event.getHeader().getEventId())
        .isEqualTo(ModelTrainedEvents.eventId("tenant-a", "execution-success", ARTIFACT.version()))
        .isNotEqualTo(
            ModelTrainedEvents.eventId("tenant-b", "execution-success", ARTIFACT.version()));
    assertThat(EventKeys.keyOf(event)).isEqualTo("tenant-a/execution-success");
    assertThat(event.getModelVersion()).isEqualTo(ARTIFACT.version());
    assertThat(event.getAlgorithm()).isEqualTo("xgboost-binary-logistic");
    assertThat(event.getFeatureSetVersion()).isEqualTo("p1");
    assertThat(event.getTrainedOn()).isEqualTo(400);
    assertThat(event.getEvaluatedOn()).isEqualTo(100);
    assertThat(event.getEvaluationStart().toEpochMilli())
        .isEqualTo(trained.evaluationStartMillis());
    assertThat(event.getWindowStart().toEpochMilli()).isEqualTo(trained.firstMillis());
    assertThat(event.getWindowEnd().toEpochMilli()).isEqualTo(trained.lastMillis() + 1);
    assertThat(event.getMetrics())
        .containsOnlyKeys("auc", "logLoss", "brier", "baseRate", "meanPredicted", "baselineLogLoss")
        .containsEntry("auc", trained.evaluation().auc());
    assertThat(event.getMetrics().get("baselineLogLoss"))
        .isEqualTo(trained.evaluation().logLossOfConstant(trained.trainingBaseRate()));
    assertThat(event.getCalibration()).isEqualTo(trained.evaluation().calibration());
    assertThat(event.getArtifactUri()).isEqualTo(ARTIFACT.uri().toString());
    assertThat(event.getArtifactSha256()).isEqualTo(ARTIFACT.sha256());
    assertThat(event.getFeatureNames()).isEqualTo(List.of("x1", "x2", "x3"));
  }
}
