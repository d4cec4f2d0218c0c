package dev.agentos.flink.health;

/**
 * What one project did in the window a report covers, counted: the scores are computed from these
 * alone ({@link HealthScores}).
 *
 * @param executionsSucceededBefore executions that succeeded in the window of the same length
 *     before, for the trend
 * @param executionsFailedBefore executions that failed in the window before
 * @param testsSeen distinct test names that passed or failed in the window (as many as were kept)
 * @param flakyTests of those, the names that both passed and failed in the window
 * @param errorPatterns distinct ERROR patterns detected in the window
 * @param anomalyPoints the window's distinct anomalies, each weighted by its severity
 * @param anomalies the window's distinct anomalies
 */
public record HealthWindow(
    long testsPassed,
    long testsFailed,
    long executionsSucceeded,
    long executionsFailed,
    long executionsSucceededBefore,
    long executionsFailedBefore,
    long testsSeen,
    long flakyTests,
    long errorPatterns,
    long anomalyPoints,
    long anomalies) {}
