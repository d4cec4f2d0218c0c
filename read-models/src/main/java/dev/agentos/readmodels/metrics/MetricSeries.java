package dev.agentos.readmodels.metrics;

import java.util.List;

/**
 * The points of a metric read, oldest first.
 *
 * @param truncated more points were in range than the read's limit: the newest were left out
 */
public record MetricSeries(List<MetricSample> points, boolean truncated) {}
