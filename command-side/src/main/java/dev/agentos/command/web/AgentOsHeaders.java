package dev.agentos.command.web;

import dev.agentos.auth.ContextIds;

/**
 * Request headers that put a command in context; the events it causes carry their values. Each is
 * an id by the rule {@link ContextIds} checks before any command runs.
 */
public final class AgentOsHeaders {

  /** The agent session a command belongs to. */
  public static final String SESSION = ContextIds.SESSION;

  /** A trace id that ties the command to the caller's own logs. */
  public static final String TRACE = ContextIds.TRACE;

  private AgentOsHeaders() {}
}
