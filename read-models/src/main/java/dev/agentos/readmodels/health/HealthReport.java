package dev.agentos.readmodels.health;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One health report of a project, as the learning jobs published it ({@code
 * ProjectHealthReported}): a row of {@value HealthSchema#TABLE}, and what the query side answers.
 * Scores keep two decimals, as the event's {@code decimal(5,2)} does, so a report, its trend and a
 * threshold agree to the cent; components are in name order.
 */
public record HealthReport(
    @Schema(description = "stable id of the report: a redelivered report keeps it") String reportId,
    String tenantId,
    String projectId,
    @Schema(description = "start of the event-time window the report covers, inclusive")
        Instant windowStart,
    @Schema(description = "end of the event-time window the report covers, exclusive")
        Instant windowEnd,
    @Schema(description = "overall score, 0.00 to 100.00", example = "87.50") BigDecimal score,
    @Schema(
            description =
                "score 0.00 to 100.00 of each component the overall score is made of, e.g."
                    + " test-pass-rate, execution-success, error-trend")
        Map<String, BigDecimal> components,
    @Schema(description = "the eventId of the report's event") String eventId) {

  static final int SCALE = 2;

  public HealthReport {
    score = cents(score);
    TreeMap<String, BigDecimal> byName = new TreeMap<>();
    if (components != null) {
      components.forEach((name, value) -> byName.put(name, cents(value)));
    }
    components = Collections.unmodifiableSortedMap(byName);
  }

  /**
   * Two decimals, whatever scale the value came with (Cassandra keeps a decimal's own): the event's
   * values have two already, so this only rounds a value written some other way.
   */
  private static BigDecimal cents(BigDecimal value) {
    return value == null ? null : value.setScale(SCALE, RoundingMode.HALF_EVEN);
  }
}
