package dev.agentos.client.command;

/** An execution accepted and queued for the executor. */
public record QueuedExecution(String id, long version, String status) {}
