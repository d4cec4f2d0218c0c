package dev.agentos.command.web;

/** Request headers that put a command in context; the events it causes carry their values. */
public final class AgentOsHeaders {

  /** The agent session a command belongs to. */
  public static final String SESSION = "X-Session-Id";

  /** A trace id that ties the command to the caller's own logs. */
  public static final String TRACE = "X-Trace-Id";

  private AgentOsHeaders() {}
}
