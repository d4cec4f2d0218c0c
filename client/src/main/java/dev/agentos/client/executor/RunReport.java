package dev.agentos.client.executor;

/**
 * What the sandbox measured of a run and kept of its output.
 *
 * @param outputTruncated true when either excerpt is shorter than what the run wrote
 */
public record RunReport(
    long durationMs,
    long cpuTimeMs,
    long peakMemoryBytes,
    String stdoutExcerpt,
    String stderrExcerpt,
    boolean outputTruncated) {}
