package dev.agentos.readmodels.features;

import java.time.Instant;

/** One feature's value in the vector as of {@code time}. */
public record FeatureSample(Instant time, double value) {}
