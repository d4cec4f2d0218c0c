package dev.agentos.projections.predictions;

import dev.agentos.readmodels.predictions.Prediction;
import dev.agentos.readmodels.predictions.PredictionOutcome;
import dev.agentos.readmodels.predictions.PredictionSubject;

/**
 * What the predictions projection writes of an event: a model's prediction of a subject, or the
 * subject's outcome. Both land in the subject's partition, whichever comes first.
 */
public sealed interface PredictionWrite {

  String tenantId();

  String projectId();

  PredictionSubject subject();

  /** A prediction's row, keyed by its model version and role. */
  record Predicted(Prediction prediction) implements PredictionWrite {
    @Override
    public String tenantId() {
      return prediction.tenantId();
    }

    @Override
    public String projectId() {
      return prediction.projectId();
    }

    @Override
    public PredictionSubject subject() {
      return prediction.subject();
    }
  }

  /** A subject's outcome: its partition's static cells, written as of the outcome's time. */
  record Resolved(
      String tenantId, String projectId, PredictionSubject subject, PredictionOutcome outcome)
      implements PredictionWrite {}
}
