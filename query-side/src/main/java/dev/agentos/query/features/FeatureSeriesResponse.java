package dev.agentos.query.features;

import dev.agentos.readmodels.features.FeatureSample;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One feature's values in an entity's vectors of one window, oldest first. */
public record FeatureSeriesResponse(
    String entityType,
    @Schema(description = "the agent, session or project id, as asked") String entityId,
    String projectId,
    String window,
    @Schema(description = "the feature's full name, window label included") String feature,
    Instant from,
    Instant to,
    @Schema(description = "each vector's value, at the vector's asOf (its window's end)")
        List<FeatureSample> points,
    @Schema(description = "more points were in range than limit: the newest were left out")
        boolean truncated) {}
