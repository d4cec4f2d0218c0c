package dev.agentos.readmodels.health;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A project's health reports whose window ended in [from, to), newest first. */
public record HealthTrend(
    @Schema(description = "the range's start, inclusive") Instant from,
    @Schema(description = "the range's end, exclusive") Instant to,
    @Schema(description = "the reports, newest window end first") List<HealthReport> reports,
    @Schema(
            description =
                "true when the range holds more reports than limit: the newest limit are shown;"
                    + " ask again with to = the last report's windowEnd for older ones")
        boolean truncated) {

  public HealthTrend {
    reports = List.copyOf(reports);
  }
}
