package dev.agentos.client.command;

/** An execution's limits; absent (null) ones take the sandbox's defaults. */
public record ExecutionLimits(
    Long cpuTimeMs,
    Long memoryBytes,
    Long wallTimeoutMs,
    Long maxOutputBytes,
    Boolean networkAllowed) {}
