package dev.agentos.client.executor;

/**
 * Starts a queued execution.
 *
 * @param sandboxId the sandbox instance running it, for correlating the executor's logs
 * @param runtime the runtime actually used, e.g. "Python 3.11.2"
 */
public record StartExecution(String sandboxId, String runtime) {}
