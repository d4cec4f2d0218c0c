package dev.agentos.client.command;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/agents} (ADMIN): an agent of the caller's tenant.
 *
 * @param agentId null: the command side chooses one
 * @param projectId null: the caller's project
 * @param client the program the agent runs in, e.g. {@code claude-code}
 */
public record RegisterAgent(
    String agentId,
    String projectId,
    String displayName,
    String client,
    String clientVersion,
    List<String> capabilities,
    Map<String, String> metadata) {

  public static RegisterAgent of(String agentId, String displayName, String client) {
    return new RegisterAgent(agentId, null, displayName, client, null, null, null);
  }
}
