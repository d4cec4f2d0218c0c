package dev.agentos.command;

import dev.agentos.auth.Caller;

/**
 * Who sent a command, taken from the caller's API key (never from the request body), plus the
 * session and trace the caller says it belongs to. Every event a command causes carries it in its
 * header.
 */
public record CommandOrigin(
    String tenantId, String projectId, String agentId, String sessionId, String traceId) {

  /**
   * The origin of a command sent by {@code caller} within {@code sessionId} and {@code traceId}.
   */
  public static CommandOrigin of(Caller caller, String sessionId, String traceId) {
    return new CommandOrigin(
        caller.tenantId(), caller.projectId(), caller.agentId(), sessionId, traceId);
  }
}
