package dev.agentos.readmodels.models;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A tenant's model: its versions with their roles, and its promotions. */
public record Model(
    String tenantId,
    @Schema(description = "e.g. execution-success, suggestion-verification") String modelName,
    @Schema(description = "the version whose predictions answer; null when none is trained")
        String champion,
    @Schema(description = "the version scored beside the champion; null when none is")
        String challenger,
    @Schema(description = "every trained version, newest trained first")
        List<ModelVersion> versions,
    @Schema(description = "every promotion, newest first") List<ModelPromotion> promotions) {

  public Model {
    versions = List.copyOf(versions);
    promotions = List.copyOf(promotions);
  }
}
