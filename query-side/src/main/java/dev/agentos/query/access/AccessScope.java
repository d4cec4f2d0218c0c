package dev.agentos.query.access;

import dev.agentos.auth.Caller;

/** Who read: the caller's tenant, project and agent, and the session the request named, if any. */
public record AccessScope(String tenantId, String projectId, String agentId, String sessionId) {

  public static AccessScope of(Caller caller, String sessionId) {
    return new AccessScope(
        caller.tenantId(),
        caller.projectId(),
        caller.agentId(),
        sessionId == null || sessionId.isBlank() ? null : sessionId);
  }
}
