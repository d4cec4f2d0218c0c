package dev.agentos.command.context;

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
    @Size(max = 255) String parentContextId,
    @Size(max = 100) List<@NotBlank @Size(max = 100) String> tags) {}
