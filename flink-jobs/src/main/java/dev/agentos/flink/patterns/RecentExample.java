package dev.agentos.flink.patterns;

/** One of a pattern's latest matches, kept to show it. */
public record RecentExample(String eventId, String excerpt, long eventTimeMillis) {}
