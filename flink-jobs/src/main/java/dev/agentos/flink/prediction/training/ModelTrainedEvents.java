package dev.agentos.flink.prediction.training;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.ModelTrained;
import dev.agentos.flink.prediction.model.ModelArtifacts.StoredArtifact;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the {@code ModelTrained} of a trained and stored model. Its metrics are those of the
 * held-out (latest) slice, under these keys:
 *
 * <ul>
 *   <li>{@value #AUC}: area under the ROC curve, 0.5 is guessing;
 *   <li>{@value #LOG_LOSS}: mean negative log-likelihood (lower is better);
 *   <li>{@value #BRIER}: mean squared error of the probabilities (lower is better);
 *   <li>{@value #BASE_RATE}: share of the slice that succeeded;
 *   <li>{@value #MEAN_PREDICTED}: mean predicted probability, to compare with the base rate;
 *   <li>{@value #BASELINE_LOG_LOSS}: log loss of always predicting the base rate of the training
 *       slice: a model whose log loss is not below it has learned nothing usable.
 * </ul>
 */
public final class ModelTrainedEvents {

  public static final String AUC = "auc";
  public static final String LOG_LOSS = "logLoss";
  public static final String BRIER = "brier";
  public static final String BASE_RATE = "baseRate";
  public static final String MEAN_PREDICTED = "meanPredicted";
  public static final String BASELINE_LOG_LOSS = "baselineLogLoss";

  /** The job's id in the header: a model is trained by the retrain job, not by an agent. */
  public static final String AGENT = "agentos-retrain";

  static final String SOURCE = "flink";

  /** A model learns from all the tenant's projects. */
  static final String ALL_PROJECTS = "*";

  private ModelTrainedEvents() {}

  /** The event's id, from tenant, model and version: publishing it again is a duplicate. */
  public static String eventId(String tenantId, String modelName, String version) {
    String name = "model-trained\n" + tenantId + "\n" + modelName + "\n" + version;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * @param trainedAt when it was trained: the event's time
   * @param featureSetVersion the version of the feature definitions the examples carry
   * @param featureNames the model's inputs, in order
   */
  public static ModelTrained of(
      TrainingOutcome.Trained trained,
      StoredArtifact artifact,
      Instant trainedAt,
      String featureSetVersion,
      List<String> featureNames) {
    String modelName = trained.target().modelName();
    Evaluation evaluation = trained.evaluation();
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(eventId(trained.tenantId(), modelName, artifact.version()))
            .setOccurredAt(trainedAt)
            .setTenantId(trained.tenantId())
            .setProjectId(ALL_PROJECTS)
            .setAgentId(AGENT)
            .setSource(SOURCE)
            .build();
    return ModelTrained.newBuilder()
        .setHeader(header)
        .setModelName(modelName)
        .setModelVersion(artifact.version())
        .setAlgorithm(ModelTrainer.ALGORITHM)
        .setFeatureSetVersion(featureSetVersion)
        .setTrainedOn(trained.trainedOn())
        .setMetrics(metrics(evaluation, trained.trainingBaseRate()))
        .setWindowStart(Instant.ofEpochMilli(trained.firstMillis()))
        .setWindowEnd(Instant.ofEpochMilli(trained.lastMillis() + 1))
        .setEvaluatedOn(trained.evaluatedOn())
        .setEvaluationStart(Instant.ofEpochMilli(trained.evaluationStartMillis()))
        .setCalibration(evaluation.calibration())
        .setArtifactUri(artifact.uri().toString())
        .setArtifactSha256(artifact.sha256())
        .setFeatureNames(List.copyOf(featureNames))
        .build();
  }

  private static Map<String, Double> metrics(Evaluation evaluation, double trainingBaseRate) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(AUC, evaluation.auc());
    metrics.put(LOG_LOSS, evaluation.logLoss());
    metrics.put(BRIER, evaluation.brier());
    metrics.put(BASE_RATE, evaluation.baseRate());
    metrics.put(MEAN_PREDICTED, evaluation.meanPredicted());
    metrics.put(BASELINE_LOG_LOSS, evaluation.logLossOfConstant(trainingBaseRate));
    return metrics;
  }
}
