package dev.agentos.command.agent;

import dev.agentos.command.web.ItemId;
import jakarta.validation.constraints.NotBlank;
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
    List<String> capabilities,
    Map<String, String> metadata) {}
