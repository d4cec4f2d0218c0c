package dev.agentos.command.memory;

import static dev.agentos.command.FieldLimits.REFERENCE_ID;

import dev.agentos.events.memory.RelationType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /v1/memories/{id}/relations}.
 *
 * @param strength optional weight in [0,1]; 1 when absent
 */
public record AddRelationRequest(
    @NotBlank @Size(min = 1, max = REFERENCE_ID) String toMemoryId,
    @NotNull RelationType relationType,
    @DecimalMin("0") @DecimalMax("1") Float strength) {}
