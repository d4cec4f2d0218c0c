package dev.agentos.projections.predictions;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.PredictionMade;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.readmodels.predictions.Prediction;
import dev.agentos.readmodels.predictions.PredictionOutcome;
import dev.agentos.readmodels.predictions.PredictionOutcome.Result;
import dev.agentos.readmodels.predictions.PredictionSubject;

/**
 * The writes of the events the predictions read model is made of: a prediction's row, and the
 * outcomes that label them, read as the training job labels its examples (an execution succeeded
 * when it exited 0 within its wall timeout; a suggestion when its verification passed) except that
 * the platform's own failures (a sandbox error, a verification that could not run) are UNKNOWN
 * rather than failures of the subject.
 */
public final class PredictionRows {

  private PredictionRows() {}

  /**
   * @throws IllegalArgumentException for a prediction of neither an execution nor a suggestion: its
   *     record is set aside, as a handler failure
   */
  public static PredictionWrite of(PredictionMade e) {
    EventHeader h = e.getHeader();
    if (e.getExecutionId() == null && e.getSuggestionId() == null) {
      throw new IllegalArgumentException(
          "prediction " + e.getPredictionId() + " has neither an executionId nor a suggestionId");
    }
    return new PredictionWrite.Predicted(
        new Prediction(
            e.getPredictionId(),
            h.getTenantId(),
            h.getProjectId(),
            e.getExecutionId(),
            e.getSuggestionId(),
            e.getSuccessProbability(),
            e.getModelName(),
            e.getModelVersion(),
            e.getRole().name(),
            e.getFeatureSetVersion(),
            e.getFeatures(),
            h.getOccurredAt(),
            h.getEventId()));
  }

  public static PredictionWrite of(ExecutionCompleted e) {
    Result result;
    String detail = e.getOutcome().name();
    if (e.getOutcome() == ExecutionOutcome.SANDBOX_ERROR) {
      result = Result.UNKNOWN;
    } else {
      Integer exit = e.getExitCode();
      result = exit != null && exit == 0 && !e.getTimedOut() ? Result.SUCCEEDED : Result.FAILED;
      detail = exit == null ? detail : detail + " exit " + exit;
    }
    return resolved(e.getHeader(), PredictionSubject.execution(e.getExecutionId()), result, detail);
  }

  public static PredictionWrite of(VerificationCompleted e) {
    Result result =
        switch (e.getVerdict()) {
          case PASSED -> Result.SUCCEEDED;
          case FAILED -> Result.FAILED;
          case ERROR -> Result.UNKNOWN;
        };
    return resolved(
        e.getHeader(),
        PredictionSubject.suggestion(e.getSuggestionId()),
        result,
        e.getVerdict().name());
  }

  private static PredictionWrite resolved(
      EventHeader h, PredictionSubject subject, Result result, String detail) {
    return new PredictionWrite.Resolved(
        h.getTenantId(),
        h.getProjectId(),
        subject,
        new PredictionOutcome(result, detail, h.getOccurredAt(), h.getEventId()));
  }
}
