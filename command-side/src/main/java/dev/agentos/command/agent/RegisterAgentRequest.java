package dev.agentos.command.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
    @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}",
            message = "must be 1-128 of A-Z a-z 0-9 . _ : -")
        String agentId,
    @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}",
            message = "must be 1-128 of A-Z a-z 0-9 . _ : -")
        String projectId,
    @NotBlank @Size(max = 200) String displayName,
    @NotBlank @Size(max = 100) String client,
    @Size(max = 100) String clientVersion,
    List<String> capabilities,
    Map<String, String> metadata) {}
