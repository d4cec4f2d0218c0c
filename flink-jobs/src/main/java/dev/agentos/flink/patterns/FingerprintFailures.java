package dev.agentos.flink.patterns;

import dev.agentos.events.derived.PatternKind;
import dev.agentos.flink.patterns.fingerprint.ErrorFingerprint;
import dev.agentos.flink.patterns.fingerprint.ErrorFingerprinter;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Fingerprints each failure; output with no recognisable error makes no pattern. */
public final class FingerprintFailures implements FlatMapFunction<Failure, FailureMatch> {

  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(Failure failure, Collector<FailureMatch> out) {
    ErrorFingerprinter.of(failure.text(), failure.language())
        .ifPresent(fingerprint -> out.collect(match(failure, fingerprint)));
  }

  private static FailureMatch match(Failure failure, ErrorFingerprint fingerprint) {
    return new FailureMatch(
        PatternIds.patternId(
            PatternKind.ERROR, failure.tenantId(), failure.projectId(), fingerprint.signature()),
        failure.tenantId(),
        failure.projectId(),
        failure.agentId(),
        failure.sessionId(),
        failure.eventId(),
        fingerprint.language(),
        fingerprint.errorType(),
        fingerprint.signature(),
        String.join("\n", fingerprint.topFrames()),
        fingerprint.excerpt(),
        failure.eventTimeMillis(),
        failure.position());
  }
}
