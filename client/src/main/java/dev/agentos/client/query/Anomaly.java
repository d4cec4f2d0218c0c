package dev.agentos.client.query;

import java.time.Instant;
import java.util.Map;

/**
 * A metric sample the anomaly job found out of its series' expected range ({@code GET
 * /v1/anomalies}).
 *
 * @param tags the tags of the series
 * @param observed the value observed, in the metric's unit
 * @param expected the value the detector expected (median-mad/v1: the window's median)
 * @param expectedLow lower bound of the range not flagged
 * @param expectedHigh upper bound of the range not flagged
 * @param deviation the detector's robust score (median-mad/v1: the modified z-score), not a
 *     standard-deviation z-score
 * @param severity {@code LOW}, {@code MEDIUM}, {@code HIGH} or {@code CRITICAL}
 * @param detector the detector and its version, e.g. {@code median-mad/v1}
 * @param windowStart start of the window judged against, inclusive
 * @param windowEnd end of the window judged against, exclusive
 * @param occurredAt the time of the sample found anomalous
 */
public record Anomaly(
    String anomalyId,
    String projectId,
    String metric,
    Map<String, String> tags,
    double observed,
    double expected,
    double expectedLow,
    double expectedHigh,
    double deviation,
    String severity,
    String detector,
    Instant windowStart,
    Instant windowEnd,
    Instant occurredAt) {}
