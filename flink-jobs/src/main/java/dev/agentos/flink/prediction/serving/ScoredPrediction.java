package dev.agentos.flink.prediction.serving;

import dev.agentos.events.derived.ModelRole;
import dev.agentos.flink.prediction.PredictionRequest;

/**
 * One version's prediction for one request. Flink serializes it as a POJO.
 *
 * @param request what was predicted, with the inputs the version saw
 * @param modelName the model
 * @param modelVersion the version that predicted
 * @param featureSetVersion the feature definitions of its inputs
 * @param role whether that version was the champion or the challenger
 * @param probability the predicted probability of success
 */
public record ScoredPrediction(
    PredictionRequest request,
    String modelName,
    String modelVersion,
    String featureSetVersion,
    ModelRole role,
    float probability) {}
