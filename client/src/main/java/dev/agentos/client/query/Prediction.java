package dev.agentos.client.query;

import java.time.Instant;
import java.util.Map;

/**
 * One model version's prediction of an execution or a suggestion ({@code GET /v1/predictions}).
 *
 * @param successProbability the predicted probability of success, 0 to 1
 * @param role {@code CHAMPION} (the version that answers) or {@code CHALLENGER} (scored beside it)
 * @param features the inputs the version saw, by name, as they were when the subject was requested
 * @param predictedAt when the subject was requested: what the prediction knew is up to then
 */
public record Prediction(
    String predictionId,
    String executionId,
    String suggestionId,
    double successProbability,
    String modelName,
    String modelVersion,
    String role,
    String featureSetVersion,
    Map<String, Double> features,
    Instant predictedAt,
    String eventId) {}
