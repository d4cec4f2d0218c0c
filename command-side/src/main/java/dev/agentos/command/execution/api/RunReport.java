package dev.agentos.command.execution.api;

/**
 * What the sandbox measured of a run, as the executor reports it when the run ends.
 *
 * @param stdoutExcerpt standard output, already truncated to the output limit
 * @param outputTruncated true when either excerpt is shorter than the real output
 */
public record RunReport(
    long durationMs,
    long cpuTimeMs,
    long peakMemoryBytes,
    String stdoutExcerpt,
    String stderrExcerpt,
    boolean outputTruncated) {

  /** The report of a run that never produced anything, e.g. one the sandbox failed to start. */
  public static RunReport nothing() {
    return new RunReport(0, 0, 0, "", "", false);
  }
}
