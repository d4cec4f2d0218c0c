package dev.agentos.query.features;

import dev.agentos.readmodels.features.FeatureVector;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An entity's latest feature vectors, one per window, in window order. */
public record FeatureVectorsResponse(
    String entityType,
    @Schema(description = "the agent, session or project id, as asked") String entityId,
    String projectId,
    List<FeatureVector> vectors) {}
