package dev.agentos.client.query;

import java.time.Instant;
import java.util.List;

/**
 * What was predicted of one execution or suggestion, and how it turned out once known ({@code GET
 * /v1/predictions}).
 *
 * @param subjectKind {@code EXECUTION} or {@code SUGGESTION}
 * @param predictions one per model version, by model name and version
 * @param outcome null until the outcome is known
 */
public record SubjectPredictions(
    String subjectKind, String subjectId, List<Prediction> predictions, Outcome outcome) {

  /**
   * @param result {@code SUCCEEDED}, {@code FAILED} or {@code UNKNOWN} (the platform failed)
   * @param detail e.g. {@code FAILED exit 1}
   */
  public record Outcome(String result, String detail, Instant at, String eventId) {}
}
