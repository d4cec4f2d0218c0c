package dev.agentos.readmodels.predictions;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One model version's prediction of a subject ({@code PredictionMade}): a row of {@value
 * PredictionSchema#TABLE}, and what the query side answers of it. The tenant and project are the
 * predicted request's.
 */
public record Prediction(
    @Schema(description = "stable id, derived from the subject and the model version")
        String predictionId,
    String tenantId,
    String projectId,
    @Schema(description = "the execution predicted; null for a suggestion's prediction")
        String executionId,
    @Schema(description = "the suggestion predicted, or the one the predicted execution exercises")
        String suggestionId,
    @Schema(description = "predicted probability of success, 0 to 1") float successProbability,
    @Schema(description = "the model that predicted, e.g. execution-success") String modelName,
    String modelVersion,
    @Schema(description = "CHAMPION or CHALLENGER: the version's role when it predicted")
        String role,
    @Schema(description = "the feature definitions the inputs followed") String featureSetVersion,
    @Schema(description = "the inputs the model saw, by feature name, in name order")
        Map<String, Double> features,
    @Schema(description = "when the prediction was made") Instant predictedAt,
    @Schema(description = "the eventId of the PredictionMade") String eventId) {

  public Prediction {
    features =
        Collections.unmodifiableSortedMap(new TreeMap<>(features == null ? Map.of() : features));
  }

  /** What the prediction is of: its execution, else its suggestion. */
  public PredictionSubject subject() {
    return executionId != null
        ? PredictionSubject.execution(executionId)
        : PredictionSubject.suggestion(suggestionId);
  }
}
