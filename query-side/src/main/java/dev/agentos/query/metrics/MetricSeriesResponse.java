package dev.agentos.query.metrics;

import dev.agentos.readmodels.metrics.MetricSample;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A metric's points in a project, oldest first. */
public record MetricSeriesResponse(
    String name,
    String projectId,
    @Schema(description = "the metric's own tags every point has, as asked")
        Map<String, String> tags,
    Instant from,
    Instant to,
    @Schema(description = "ISO-8601; absent when the points are the samples themselves")
        String interval,
    @Schema(description = "MEAN, MIN, MAX or COUNT of each interval; absent for samples")
        String aggregate,
    @Schema(
            description =
                "samples carry the agent and session that recorded them; an interval's point its"
                    + " start")
        List<MetricSample> points,
    @Schema(description = "more points were in range than limit: the newest were left out")
        boolean truncated) {}
