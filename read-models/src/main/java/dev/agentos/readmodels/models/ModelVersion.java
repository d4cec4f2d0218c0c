package dev.agentos.readmodels.models;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One trained version of a model ({@code ModelTrained}), its role now and its latest live
 * performance: a row of {@value ModelSchema#VERSIONS}, and what the query side answers of it.
 */
public record ModelVersion(
    String modelVersion,
    @Schema(description = "CHAMPION, CHALLENGER or RETIRED, by the serving rule (docs/api)")
        ServingRole role,
    @Schema(description = "learning algorithm, e.g. xgboost") String algorithm,
    @Schema(description = "the feature definitions it was trained on") String featureSetVersion,
    @Schema(description = "when it was trained (the ModelTrained's event time)") Instant trainedAt,
    @Schema(description = "training examples") long trainedOn,
    @Schema(description = "held-out examples the metrics were computed on") long evaluatedOn,
    @Schema(description = "event time of the first held-out example; every training one is earlier")
        Instant evaluationStart,
    @Schema(description = "start of the event-time window it learned from, inclusive")
        Instant windowStart,
    @Schema(description = "end of that window, exclusive") Instant windowEnd,
    @Schema(description = "held-out metrics by name, e.g. auc, logLoss")
        Map<String, Double> metrics,
    @Schema(description = "reliability diagram on the held-out examples, in bins of equal width")
        List<CalibrationBin> calibration,
    @Schema(description = "the model's inputs in the order it takes them")
        List<String> featureNames,
    @Schema(description = "where the trained model is stored") String artifactUri,
    @Schema(description = "SHA-256 of the artifact, hex") String artifactSha256,
    @Schema(description = "the eventId of the ModelTrained") String eventId,
    @Schema(description = "its latest live performance; null before any report")
        LivePerformance live) {

  public ModelVersion {
    metrics =
        Collections.unmodifiableSortedMap(new TreeMap<>(metrics == null ? Map.of() : metrics));
    calibration = calibration == null ? List.of() : List.copyOf(calibration);
    featureNames = featureNames == null ? List.of() : List.copyOf(featureNames);
  }

  /** This version in {@code now}'s role. */
  ModelVersion as(ServingRole now) {
    return new ModelVersion(
        modelVersion,
        now,
        algorithm,
        featureSetVersion,
        trainedAt,
        trainedOn,
        evaluatedOn,
        evaluationStart,
        windowStart,
        windowEnd,
        metrics,
        calibration,
        featureNames,
        artifactUri,
        artifactSha256,
        eventId,
        live);
  }
}
