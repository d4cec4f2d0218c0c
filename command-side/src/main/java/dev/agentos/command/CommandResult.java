package dev.agentos.command;

/**
 * What a command answers: the aggregate it touched and that aggregate's version after it, the value
 * a client sends back in {@code If-Match} to update it optimistically.
 */
public record CommandResult(String id, long version) {}
