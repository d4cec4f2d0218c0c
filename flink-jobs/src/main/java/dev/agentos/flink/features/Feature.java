package dev.agentos.flink.features;

/** One named value of a feature vector. */
public record Feature(String name, double value) {}
