package dev.agentos.flink.prediction.training;

import dev.agentos.flink.prediction.PredictionTarget;

/** What training one tenant's model of one target came to: a model, or a refusal saying why. */
public sealed interface TrainingOutcome {

  String tenantId();

  PredictionTarget target();

  /**
   * A model trained on {@code split.training()} and scored on {@code split.evaluation()}.
   *
   * @param artifact the booster in XGBoost's UBJSON format, as it is stored
   * @param trainingBaseRate share of the training examples that succeeded
   * @param firstMillis event time of the oldest example
   * @param lastMillis event time of the newest example
   */
  record Trained(
      String tenantId,
      PredictionTarget target,
      byte[] artifact,
      int trainedOn,
      int evaluatedOn,
      double trainingBaseRate,
      long firstMillis,
      long evaluationStartMillis,
      long lastMillis,
      Evaluation evaluation)
      implements TrainingOutcome {}

  /** Too little history, or not of both outcomes: {@code reason} says what there is and needs. */
  record Refused(String tenantId, PredictionTarget target, String reason)
      implements TrainingOutcome {}
}
