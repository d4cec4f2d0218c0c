package dev.agentos.readmodels.predictions;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What the models predicted of one execution or suggestion, and how it turned out if known. */
public record SubjectPredictions(
    @Schema(description = "EXECUTION or SUGGESTION") PredictionSubject.Kind subjectKind,
    @Schema(description = "the execution's or suggestion's id") String subjectId,
    @Schema(description = "one per model version that predicted, by model name and version")
        List<Prediction> predictions,
    @Schema(description = "how it turned out; null while not known") PredictionOutcome outcome) {

  public SubjectPredictions {
    predictions = List.copyOf(predictions);
  }
}
