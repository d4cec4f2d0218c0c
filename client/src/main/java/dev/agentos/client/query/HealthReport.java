package dev.agentos.client.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A project's health over an event-time window, as the project-health job reported it ({@code GET
 * /v1/projects/{id}/health}).
 *
 * @param windowStart start of the window the report covers, inclusive
 * @param windowEnd end of the window the report covers, exclusive
 * @param score overall score, 0.00 to 100.00
 * @param components the score of each component the overall one is made of, e.g. {@code
 *     test-pass-rate}, {@code error-trend}, in name order
 */
public record HealthReport(
    String reportId,
    String projectId,
    Instant windowStart,
    Instant windowEnd,
    BigDecimal score,
    Map<String, BigDecimal> components,
    String eventId) {}
