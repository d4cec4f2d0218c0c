package dev.agentos.flink.prediction;

import java.util.Arrays;

/**
 * A request to predict: an execution was requested or a suggestion proposed, described as it was
 * known at that moment (see {@link RequestFeatures}). Flink serializes it as a POJO.
 *
 * @param tenantId tenant of the request
 * @param projectId project of the request
 * @param agentId agent that made it
 * @param sessionId its session, null when it belongs to none
 * @param target what is to be predicted
 * @param subjectId the execution's or the suggestion's id
 * @param executionId the execution, null for a suggestion
 * @param suggestionId the suggestion proposed, or the one the execution exercises
 * @param requestedAtMillis event time of the request
 * @param features {@link RequestFeatures#NAMES}' values, NaN where missing
 */
public record PredictionRequest(
    String tenantId,
    String projectId,
    String agentId,
    String sessionId,
    PredictionTarget target,
    String subjectId,
    String executionId,
    String suggestionId,
    long requestedAtMillis,
    double[] features) {

  /** {@code tenantId/target/subjectId}: requests and their outcomes meet under it. */
  public String subjectKey() {
    return Resolution.subjectKey(tenantId, target, subjectId);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PredictionRequest that
        && subjectKey().equals(that.subjectKey())
        && requestedAtMillis == that.requestedAtMillis
        && Arrays.equals(features, that.features);
  }

  @Override
  public int hashCode() {
    return subjectKey().hashCode();
  }

  @Override
  public String toString() {
    return target + " " + subjectId + " at " + requestedAtMillis + " " + Arrays.toString(features);
  }
}
