package dev.agentos.readmodels.models;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An operator's promotion of a version to champion ({@code ModelPromoted}). */
public record ModelPromotion(
    @Schema(description = "the version made champion") String modelVersion,
    @Schema(description = "the champion it replaced; null when there was none")
        String previousVersion,
    @Schema(description = "why, as the operator gave it") String reason,
    Instant promotedAt,
    @Schema(description = "the eventId of the ModelPromoted") String eventId) {}
