package dev.agentos.readmodels.features;

import java.util.List;

/**
 * A feature's values over time, oldest first.
 *
 * @param truncated more vectors were in range than the read's limit: the newest were left out
 */
public record FeatureSeries(List<FeatureSample> points, boolean truncated) {}
