package dev.agentos.client.command;

/**
 * What an API key may do; {@code ADMIN} implies every other scope within its tenant but {@code
 * EXECUTOR}, the executor's own, which reaches every tenant (ADR 0013).
 */
public enum ApiKeyScope {
  EVENTS_WRITE,
  MEMORY_READ,
  MEMORY_WRITE,
  EXECUTIONS_RUN,
  QUERY_READ,
  ADMIN,
  EXECUTOR
}
