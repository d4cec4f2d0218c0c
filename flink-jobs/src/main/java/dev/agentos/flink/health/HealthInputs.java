package dev.agentos.flink.health;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationVerdict;
import dev.agentos.flink.io.EventMapper;
import dev.agentos.flink.io.SourcePosition;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Picks what says something about a project's health out of the executions, patterns and anomalies
 * topics. Left out: verifications with verdict ERROR (the tests could not be run or parsed, which
 * says nothing about the code), executions that ended in SANDBOX_ERROR (the platform's fault), and
 * SUCCESS patterns (nothing to fix).
 */
public final class HealthInputs implements EventMapper<HealthInput> {

  private static final long serialVersionUID = 1L;

  @Override
  public List<HealthInput> map(SpecificRecord event, SourcePosition position) {
    if (event instanceof VerificationCompleted verification
        && verification.getVerdict() != VerificationVerdict.ERROR) {
      return List.of(
          input(verification.getHeader(), position, HealthInputKind.VERIFICATION)
              .tests(
                  verification.getPassed(),
                  verification.getFailed(),
                  List.copyOf(verification.getPassedTestNames()),
                  List.copyOf(verification.getFailedTestNames()))
              .build());
    }
    if (event instanceof ExecutionCompleted execution
        && execution.getOutcome() != ExecutionOutcome.SANDBOX_ERROR) {
      Builder input = input(execution.getHeader(), position, HealthInputKind.EXECUTION);
      input.succeeded = execution.getOutcome() == ExecutionOutcome.SUCCEEDED;
      return List.of(input.build());
    }
    if (event instanceof PatternDetected pattern && pattern.getKind() == PatternKind.ERROR) {
      Builder input = input(pattern.getHeader(), position, HealthInputKind.ERROR_PATTERN);
      input.sightingId = pattern.getPatternId();
      return List.of(input.build());
    }
    if (event instanceof AnomalyDetected anomaly) {
      Builder input = input(anomaly.getHeader(), position, HealthInputKind.ANOMALY);
      input.sightingId = anomaly.getAnomalyId();
      input.severity = anomaly.getSeverity();
      return List.of(input.build());
    }
    return List.of();
  }

  private static Builder input(EventHeader header, SourcePosition position, HealthInputKind kind) {
    return new Builder(header, position, kind);
  }

  /** The fields one kind sets; the others stay 0, false, null or empty. */
  private static final class Builder {
    private final EventHeader header;
    private final SourcePosition position;
    private final HealthInputKind kind;
    private int testsPassed;
    private int testsFailed;
    private List<String> passedTestNames = List.of();
    private List<String> failedTestNames = List.of();
    private boolean succeeded;
    private String sightingId;
    private AnomalySeverity severity;

    private Builder(EventHeader header, SourcePosition position, HealthInputKind kind) {
      this.header = header;
      this.position = position;
      this.kind = kind;
    }

    private Builder tests(
        int passed, int failed, List<String> passedNames, List<String> failedNames) {
      testsPassed = passed;
      testsFailed = failed;
      passedTestNames = passedNames;
      failedTestNames = failedNames;
      return this;
    }

    private HealthInput build() {
      return new HealthInput(
          position,
          header.getOccurredAt().toEpochMilli(),
          header.getTenantId(),
          header.getProjectId(),
          header.getEventId(),
          kind,
          testsPassed,
          testsFailed,
          passedTestNames,
          failedTestNames,
          succeeded,
          sightingId,
          severity);
    }
  }
}
