package dev.agentos.command.executor;

import static dev.agentos.command.FieldLimits.OUTPUT_EXCERPT;

import dev.agentos.command.execution.api.RunReport;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/**
 * What the sandbox measured of a run, in the executor's reports.
 *
 * @param stdoutExcerpt the start of standard output, cut by the executor to the output limit and to
 *     {@value dev.agentos.command.FieldLimits#OUTPUT_EXCERPT} characters
 * @param outputTruncated true when either excerpt is shorter than what the run wrote
 */
public record RunReportRequest(
    @NotNull @PositiveOrZero Long durationMs,
    @NotNull @PositiveOrZero Long cpuTimeMs,
    @NotNull @PositiveOrZero Long peakMemoryBytes,
    @Size(max = OUTPUT_EXCERPT) String stdoutExcerpt,
    @Size(max = OUTPUT_EXCERPT) String stderrExcerpt,
    Boolean outputTruncated) {

  RunReport toReport() {
    return new RunReport(
        durationMs,
        cpuTimeMs,
        peakMemoryBytes,
        Objects.requireNonNullElse(stdoutExcerpt, ""),
        Objects.requireNonNullElse(stderrExcerpt, ""),
        Boolean.TRUE.equals(outputTruncated));
  }

  static RunReport toReport(RunReportRequest report) {
    return report == null ? null : report.toReport();
  }
}
