package dev.agentos.command.context;

import static dev.agentos.command.FieldLimits.REFERENCE_ID;

import dev.agentos.command.web.ItemId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /v1/contexts/merge}.
 *
 * @param sourceContextIds two or more distinct open contexts of the caller's tenant
 * @param targetContextId optional id of the new context; one is made when absent
 */
public record MergeContextsRequest(
    @NotNull @Size(min = 2, max = 100)
        List<@NotBlank @Size(min = 1, max = REFERENCE_ID) String> sourceContextIds,
    @NotBlank @Size(max = 200) String name,
    @ItemId String targetContextId) {}
