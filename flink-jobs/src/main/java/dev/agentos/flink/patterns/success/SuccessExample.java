package dev.agentos.flink.patterns.success;

/** One of a success pattern's latest verified successes, kept to show it. */
public record SuccessExample(String eventId, String excerpt) {}
