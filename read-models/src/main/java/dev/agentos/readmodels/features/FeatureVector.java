package dev.agentos.readmodels.features;

import java.time.Instant;
import java.util.Map;

/**
 * An entity's features over one window.
 *
 * @param window the window's length, e.g. {@code 1h}
 * @param featureSet the version of the feature definitions
 * @param asOf the window's end: event time up to which inputs were seen
 * @param features by name (each ending in the window's label, e.g. {@code
 *     execution.success.rate.1h}), in name order
 */
public record FeatureVector(
    String window, String featureSet, Instant asOf, Map<String, Double> features) {}
