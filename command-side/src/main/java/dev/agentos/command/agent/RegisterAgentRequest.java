package dev.agentos.command.agent;

import static dev.agentos.command.FieldLimits.KEY_TOO_LONG;
import static dev.agentos.command.FieldLimits.LABEL;
import static dev.agentos.command.FieldLimits.LABELS;
import static dev.agentos.command.FieldLimits.MAP_ENTRIES;
import static dev.agentos.command.FieldLimits.MAP_KEY;
import static dev.agentos.command.FieldLimits.MAP_VALUE;

import dev.agentos.command.web.ItemId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /v1/agents}.
 *
 * @param agentId optional; one is made when absent
 * @param projectId optional; the caller's project when absent
 */
public record RegisterAgentRequest(
    @ItemId String agentId,
    @ItemId String projectId,
    @NotBlank @Size(max = 200) String displayName,
    @NotBlank @Size(max = 100) String client,
    @Size(max = 100) String clientVersion,
    @Size(max = LABELS) List<@NotBlank @Size(max = LABEL) String> capabilities,
    @Size(max = MAP_ENTRIES)
        Map<
                @NotBlank @Size(max = MAP_KEY, message = KEY_TOO_LONG) String,
                @NotNull @Size(max = MAP_VALUE) String>
            metadata) {}
