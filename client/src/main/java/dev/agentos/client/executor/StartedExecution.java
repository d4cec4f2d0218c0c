package dev.agentos.client.executor;

import java.util.Map;

/**
 * The start's answer: the only place the environment's values are given (the event log holds the
 * names only).
 */
public record StartedExecution(String id, long version, Map<String, String> environment) {}
