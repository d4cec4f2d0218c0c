package dev.agentos.readmodels.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A version's latest live performance report ({@code ModelPerformanceReported}). */
public record LivePerformance(
    @Schema(
            description =
                "CHAMPION or CHALLENGER: its role when its latest counted prediction was made")
        String role,
    @Schema(description = "predictions whose outcome is known") long resolved,
    @Schema(description = "of those, predictions on the right side of 0.5") long correct,
    @Schema(description = "mean log loss over the resolved predictions") double logLoss,
    @Schema(description = "mean squared error of the predicted probabilities") double brierScore,
    @Schema(description = "event time of the latest outcome counted") Instant asOf) {

  @JsonProperty
  @Schema(description = "correct / resolved; null while nothing is resolved")
  public Double accuracy() {
    return resolved == 0 ? null : (double) correct / resolved;
  }
}
