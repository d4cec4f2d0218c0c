package dev.agentos.command.context;

import static dev.agentos.command.FieldLimits.LABEL;
import static dev.agentos.command.FieldLimits.LABELS;
import static dev.agentos.command.FieldLimits.REFERENCE_ID;

import dev.agentos.command.web.ItemId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /v1/contexts}.
 *
 * @param contextId optional; one is made when absent
 * @param parentContextId optional; an open context of the caller's tenant
 */
public record CreateContextRequest(
    @ItemId String contextId,
    @NotBlank @Size(max = 200) String name,
    @Size(max = 2000) String description,
    @Size(max = REFERENCE_ID) String parentContextId,
    @Size(max = LABELS) List<@NotBlank @Size(max = LABEL) String> tags) {}
