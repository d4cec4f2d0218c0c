package dev.agentos.auth;

import dev.agentos.events.agents.ApiKeyScope;
import java.util.Set;

/**
 * Who is calling, as their API key says: its tenant, project and agent, and what it may do. An
 * {@code ADMIN} key may do everything within its tenant but drive executions ({@code EXECUTOR}).
 * Every read and write is scoped by the tenant (and, where the key has one, the project) found
 * here, never by what a request says; the executor's endpoints alone reach another tenant, the one
 * the execution belongs to (see the command side's {@code CommandOrigin#platformService}).
 */
public record Caller(
    String keyId, String tenantId, String projectId, String agentId, Set<ApiKeyScope> scopes) {

  public Caller {
    scopes = Set.copyOf(scopes);
  }

  /**
   * Whether the key holds {@code scope}, or {@code ADMIN}, which implies every scope of its tenant.
   * Not {@code EXECUTOR}: outcomes of runs come from the executor only, so no tenant's admin may
   * record one, not even of its own tenant's executions.
   */
  public boolean may(ApiKeyScope scope) {
    return scopes.contains(scope)
        || (scope != ApiKeyScope.EXECUTOR && scopes.contains(ApiKeyScope.ADMIN));
  }

  /** Whether this is the sandbox executor's key, which serves every tenant's executions. */
  public boolean isExecutor() {
    return scopes.contains(ApiKeyScope.EXECUTOR);
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
