package dev.agentos.flink.health;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationVerdict;
import dev.agentos.flink.io.SourcePosition;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** The events the health job reads, of tenant "acme" and project "web", and their inputs. */
final class HealthEventSamples {

  static final String TENANT = "acme";
  static final String PROJECT = "web";

  static {
    GeneratedAvroClasses.trust(); // building a PatternDetected reads its defaults with Avro
  }

  private HealthEventSamples() {}

  /** The one input {@code event} maps to, read at an offset derived from its id. */
  static HealthInput input(SpecificRecord event) {
    EventHeader header = (EventHeader) event.get(0);
    SourcePosition position =
        new SourcePosition("agentos.executions.v1", 0, Math.abs(header.getEventId().hashCode()));
    List<HealthInput> inputs = new HealthInputs().map(event, position);
    if (inputs.size() != 1) {
      throw new IllegalArgumentException(event + " maps to " + inputs);
    }
    return inputs.get(0);
  }

  static EventHeader header(String eventId, long time) {
    return EventHeader.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(Instant.ofEpochMilli(time))
        .setTenantId(TENANT)
        .setProjectId(PROJECT)
        .setAgentId("agent-7")
        .setSessionId("s-1")
        .setSource("http")
        .build();
  }

  static VerificationCompleted verification(
      String eventId,
      long time,
      VerificationVerdict verdict,
      List<String> passedNames,
      List<String> failedNames) {
    return verification(
        eventId, time, verdict, passedNames.size(), failedNames.size(), passedNames, failedNames);
  }

  static VerificationCompleted verification(
      String eventId,
      long time,
      VerificationVerdict verdict,
      int passed,
      int failed,
      List<String> passedNames,
      List<String> failedNames) {
    return VerificationCompleted.newBuilder()
        .setHeader(header(eventId, time))
        .setVerificationId("v-" + eventId)
        .setSuggestionId("sug-1")
        .setExecutionId("exec-" + eventId)
        .setVerdict(verdict)
        .setTestsRun(passed + failed)
        .setPassed(passed)
        .setFailed(failed)
        .setPassedTestNames(passedNames)
        .setFailedTestNames(failedNames)
        .build();
  }

  static ExecutionCompleted execution(String eventId, long time, ExecutionOutcome outcome) {
    return ExecutionCompleted.newBuilder()
        .setHeader(header(eventId, time))
        .setExecutionId("exec-" + eventId)
        .setOutcome(outcome)
        .setExitCode(outcome == ExecutionOutcome.SUCCEEDED ? 0 : 1)
        .setTimedOut(outcome == ExecutionOutcome.TIMED_OUT)
        .setDurationMs(120L)
        .setCpuTimeMs(100L)
        .setPeakMemoryBytes(1L << 20)
        .setStdoutExcerpt("")
        .setStderrExcerpt(outcome == ExecutionOutcome.SUCCEEDED ? "" : "boom")
        .build();
  }

  static PatternDetected pattern(String eventId, long time, String patternId, PatternKind kind) {
    return PatternDetected.newBuilder()
        .setHeader(header(eventId, time))
        .setPatternId(patternId)
        .setKind(kind)
        .setSignature("python|KeyError|<str>")
        .setOccurrences(2L)
        .setFirstSeenAt(Instant.ofEpochMilli(time))
        .setLastSeenAt(Instant.ofEpochMilli(time))
        .setStatus(PatternStatus.RECURRING)
        .build();
  }

  static AnomalyDetected anomaly(
      String eventId, long time, String anomalyId, AnomalySeverity severity) {
    return AnomalyDetected.newBuilder()
        .setHeader(header(eventId, time))
        .setAnomalyId(anomalyId)
        .setMetric("latency_ms")
        .setObserved(900.0)
        .setExpected(100.0)
        .setDeviation(12.0)
        .setSeverity(severity)
        .setDetector("median-mad/v1")
        .setWindowStart(Instant.ofEpochMilli(time - 60_000))
        .setWindowEnd(Instant.ofEpochMilli(time))
        .build();
  }
}
