package dev.agentos.flink.outcomes;

/**
 * What the learning jobs need to know about one finished execution, flattened from {@code
 * ExecutionCompleted} so operators key and aggregate on plain fields. A record with only
 * Flink-known field types, so Flink serializes it as a POJO rather than falling back to Kryo. (Not
 * the Avro enum {@code dev.agentos.events.executions.ExecutionOutcome}, which says how a run
 * ended.)
 *
 * @param tenantId tenant of the run
 * @param projectId project of the run
 * @param agentId agent that asked for the run
 * @param sessionId session of the run, null when it belongs to none
 * @param executionId the execution
 * @param succeeded whether the process exited with 0 within its wall timeout
 * @param durationMs wall-clock run time, milliseconds
 * @param occurredAtMillis when the run completed at its source, UTC epoch milliseconds
 */
public record ExecutionOutcome(
    String tenantId,
    String projectId,
    String agentId,
    String sessionId,
    String executionId,
    boolean succeeded,
    long durationMs,
    long occurredAtMillis) {}
