package dev.agentos.readmodels.metrics;

import java.time.Instant;

/**
 * One point of a metric series: a sample, with the agent and session it was recorded by (null when
 * it had none), or an interval's aggregate (its start; agent and session null).
 */
public record MetricSample(Instant time, double value, String agentId, String sessionId) {}
