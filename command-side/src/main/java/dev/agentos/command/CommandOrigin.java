package dev.agentos.command;

import dev.agentos.auth.Caller;
import dev.agentos.auth.ForbiddenException;

/**
 * Who sent a command, taken from the caller's API key (never from the request body), plus the
 * session and trace the caller says it belongs to. Every event a command causes carries it in its
 * header.
 *
 * @param anyProject whether the key reaches every project of its tenant ({@link
 *     Caller#readsAnyProject}: an {@code ADMIN} key), or of the tenant an executor names ({@link
 *     #platformService}); a key bound to its project reaches that project only
 */
public record CommandOrigin(
    String tenantId,
    String projectId,
    String agentId,
    String sessionId,
    String traceId,
    boolean anyProject) {

  /** An origin bound to its own project, as every key but an admin's is. */
  public CommandOrigin(
      String tenantId, String projectId, String agentId, String sessionId, String traceId) {
    this(tenantId, projectId, agentId, sessionId, traceId, false);
  }

  /**
   * The origin of a command sent by {@code caller} within {@code sessionId} and {@code traceId}.
   */
  public static CommandOrigin of(Caller caller, String sessionId, String traceId) {
    return new CommandOrigin(
        caller.tenantId(),
        caller.projectId(),
        caller.agentId(),
        sessionId,
        traceId,
        caller.readsAnyProject());
  }

  /**
   * The origin of a command the sandbox executor sends about an item of {@code tenantId}: the one
   * reach across tenants. The executor serves every tenant's executions, so its key reaches every
   * project of the tenant it names, which it read from the item's own event; naming a wrong tenant
   * finds nothing, exactly as an unknown id. Only an {@code EXECUTOR} key gets this reach (checked
   * here, so no other endpoint can hand it out by mistake); {@code ExecutorReach} also requires the
   * key to be the platform tenant's.
   */
  public static CommandOrigin platformService(Caller executor, String tenantId, String traceId) {
    if (!executor.isExecutor()) {
      throw new ForbiddenException("only the executor's key reaches every tenant");
    }
    return new CommandOrigin(tenantId, null, executor.agentId(), null, traceId, true);
  }

  /**
   * Whether this caller may see, and so change, an item of {@code tenant} and {@code project}: the
   * query side's rule ({@link Caller#mayRead}) within the caller's own tenant. An item it may not
   * see is answered exactly as an unknown one ({@link NotFoundException#item}).
   */
  public boolean reaches(String tenant, String project) {
    return tenantId.equals(tenant) && (anyProject || projectId.equals(project));
  }

  /** {@link #reaches}, or the same refusal as for an id that names nothing. */
  public void requireReach(String tenant, String project) {
    if (!reaches(tenant, project)) {
      throw NotFoundException.item();
    }
  }
}
