package dev.agentos.auth;

import dev.agentos.events.agents.ApiKeyScope;
import java.util.Set;

/**
 * Who is calling, as their API key says: its tenant, project and agent, and what it may do. An
 * {@code ADMIN} key may do everything within its tenant. Every read and write is scoped by the
 * tenant (and, where the key has one, the project) found here, never by what a request says.
 */
public record Caller(
    String keyId, String tenantId, String projectId, String agentId, Set<ApiKeyScope> scopes) {

  public Caller {
    scopes = Set.copyOf(scopes);
  }

  public boolean may(ApiKeyScope scope) {
    return scopes.contains(scope) || scopes.contains(ApiKeyScope.ADMIN);
  }

  /**
   * Whether this key may read {@code project} of its tenant: a key bound to a project reads that
   * project only; an {@code ADMIN} key, or one bound to none, reads any project of its tenant.
   */
  public boolean mayRead(String project) {
    return readsAnyProject() || projectId.equals(project);
  }

  /** Whether this key is bound to no project, or is an {@code ADMIN} key of its tenant. */
  public boolean readsAnyProject() {
    return projectId == null || scopes.contains(ApiKeyScope.ADMIN);
  }

  /** {@link #mayRead}, or a 403 naming both projects. */
  public String requireReadable(String project) {
    if (!mayRead(project)) {
      throw new ForbiddenException(
          "this API key reads project \"" + projectId + "\" only, not \"" + project + "\"");
    }
    return project;
  }
}
