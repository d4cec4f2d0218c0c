package dev.agentos.client.executor;

/**
 * A started run that ended by itself (SUCCEEDED with exit code 0, FAILED with another) or was
 * killed at a limit other than the wall time (LIMIT_EXCEEDED with {@code exceededLimit}: CPU_TIME,
 * MEMORY, PROCESSES, OUTPUT or FILE_SIZE, and no exit code).
 */
public record CompleteExecution(
    String outcome, Integer exitCode, String exceededLimit, RunReport report) {}
