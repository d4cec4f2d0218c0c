package dev.agentos.readmodels.anomalies;

import dev.agentos.events.derived.AnomalySeverity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/**
 * One anomaly the anomaly job reported ({@code AnomalyDetected}): a row of {@value
 * AnomalySchema#BY_ID} and of {@value AnomalySchema#BY_DAY}, and what the query side answers.
 */
public record Anomaly(
    @Schema(description = "stable id derived from the series and the sample's time")
        String anomalyId,
    String tenantId,
    String projectId,
    @Schema(description = "the metric of the series") String metric,
    @Schema(description = "the tags of the series") Map<String, String> tags,
    @Schema(description = "the value observed, in the metric's unit") double observed,
    @Schema(description = "the value the detector expected (median-mad/v1: the window's median)")
        double expected,
    @Schema(description = "lower bound of the expected range, in the metric's unit")
        double expectedLow,
    @Schema(description = "upper bound of the expected range, in the metric's unit")
        double expectedHigh,
    @Schema(
            description =
                "how far off, as the detector's robust score (median-mad/v1: the modified"
                    + " z-score), not a standard-deviation z-score")
        double deviation,
    AnomalySeverity severity,
    @Schema(description = "the detector and its version, e.g. median-mad/v1") String detector,
    @Schema(description = "start of the window judged against, inclusive") Instant windowStart,
    @Schema(description = "end of the window judged against, exclusive") Instant windowEnd,
    @Schema(description = "the time of the sample found anomalous") Instant occurredAt) {

  public Anomaly {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }
}
