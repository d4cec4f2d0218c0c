package dev.agentos.command.agent.api;

import dev.agentos.command.CommandOrigin;
import java.util.List;
import java.util.Map;

/** Registers an agent in the origin's tenant and project; its id is the aggregate id. */
public record RegisterAgentCommand(
    String agentId,
    String displayName,
    String client,
    String clientVersion,
    List<String> capabilities,
    Map<String, String> metadata,
    CommandOrigin origin) {}
