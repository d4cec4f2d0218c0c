package dev.agentos.flink.prediction;

import dev.agentos.flink.features.Activity;
import dev.agentos.flink.features.ActivityOutcome;
import java.util.List;

/**
 * How a predicted subject turned out: an execution completed, a suggestion's verification gave its
 * verdict. Outcomes that say nothing about the subject (the sandbox failed, the tests could not be
 * run) resolve nothing.
 *
 * @param tenantId tenant of the subject
 * @param target what was predicted
 * @param subjectId the execution's or the suggestion's id
 * @param succeeded the outcome
 * @param resolvedAtMillis event time of the outcome
 */
public record Resolution(
    String tenantId,
    PredictionTarget target,
    String subjectId,
    boolean succeeded,
    long resolvedAtMillis) {

  static String subjectKey(String tenantId, PredictionTarget target, String subjectId) {
    return tenantId + "/" + target + "/" + subjectId;
  }

  public String subjectKey() {
    return subjectKey(tenantId, target, subjectId);
  }

  /** The resolution {@code activity} carries, if any. */
  public static List<Resolution> of(Activity activity) {
    ActivityOutcome outcome = activity.outcome();
    if (outcome != ActivityOutcome.SUCCEEDED && outcome != ActivityOutcome.FAILED) {
      return List.of();
    }
    boolean succeeded = outcome == ActivityOutcome.SUCCEEDED;
    return switch (activity.kind()) {
      case EXECUTION_COMPLETED ->
          List.of(
              new Resolution(
                  activity.tenantId(),
                  PredictionTarget.EXECUTION_SUCCESS,
                  activity.executionId(),
                  succeeded,
                  activity.eventTimeMillis()));
      case VERIFICATION_COMPLETED ->
          List.of(
              new Resolution(
                  activity.tenantId(),
                  PredictionTarget.SUGGESTION_VERIFICATION,
                  activity.suggestionId(),
                  succeeded,
                  activity.eventTimeMillis()));
      default -> List.of();
    };
  }
}
