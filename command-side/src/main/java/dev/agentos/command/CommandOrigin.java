package dev.agentos.command;

/**
 * Who sent a command, taken from the caller's API key (never from the request body), plus the
 * session and trace the caller says it belongs to. Every event a command causes carries it in its
 * header.
 */
public record CommandOrigin(
    String tenantId, String projectId, String agentId, String sessionId, String traceId) {}
