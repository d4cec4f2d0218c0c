package dev.agentos.flink.outcomes.functions;

import static dev.agentos.events.executions.ExecutionOutcome.FAILED;
import static dev.agentos.events.executions.ExecutionOutcome.SANDBOX_ERROR;
import static dev.agentos.events.executions.ExecutionOutcome.SUCCEEDED;
import static dev.agentos.events.executions.ExecutionOutcome.TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.flink.outcomes.ExecutionOutcome;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

class ToExecutionOutcomeTest {

  private static final Instant AT = Instant.parse("2025-03-01T12:00:00.250Z");

  private final ToExecutionOutcome function = new ToExecutionOutcome();

  @Test
  void copiesScopeIdsDurationAndTime() {
    ExecutionOutcome outcome = function.map(completed("s-9", 0, false));

    assertThat(outcome)
        .isEqualTo(
            new ExecutionOutcome(
                "acme", "web", "agent-7", "s-9", "exec-1", true, 1_234L, 1_740_830_400_250L));
  }

  @Test
  void runWithoutSessionKeepsANullSession() {
    assertThat(function.map(completed(null, 0, false)).sessionId()).isNull();
  }

  @Test
  void exitCodeZeroWithinTheTimeoutSucceeded() {
    assertThat(function.map(completed("s", 0, false)).succeeded()).isTrue();
  }

  @Test
  void nonZeroExitCodeFailed() {
    assertThat(function.map(completed("s", 1, false)).succeeded()).isFalse();
    assertThat(function.map(completed("s", -9, false)).succeeded()).isFalse();
  }

  @Test
  void timedOutRunFailedEvenWithExitCodeZero() {
    assertThat(function.map(completed("s", 0, true)).succeeded()).isFalse();
  }

  @Test
  void runWithoutExitCodeFailed() {
    assertThat(function.map(completed("s", null, false)).succeeded()).isFalse();
  }

  @Test
  void flinkSerializesTheOutcomeAsAPojoNotWithKryo() {
    assertThat(TypeInformation.of(ExecutionOutcome.class)).isInstanceOf(PojoTypeInfo.class);
  }

  private static ExecutionCompleted completed(
      String sessionId, Integer exitCode, boolean timedOut) {
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId("0b6f3f1e-5a4c-4d3e-9f2a-7c1b2d3e4f50")
            .setOccurredAt(AT)
            .setTenantId("acme")
            .setProjectId("web")
            .setAgentId("agent-7")
            .setSessionId(sessionId)
            .setSource("executor")
            .build();
    return ExecutionCompleted.newBuilder()
        .setHeader(header)
        .setExecutionId("exec-1")
        .setOutcome(sandboxVerdict(exitCode, timedOut))
        .setExitCode(exitCode)
        .setTimedOut(timedOut)
        .setDurationMs(1_234L)
        .setCpuTimeMs(900L)
        .setPeakMemoryBytes(64L << 20)
        .setStdoutExcerpt("")
        .setStderrExcerpt("")
        .build();
  }

  /** How a sandbox would classify the run; the function must not depend on it. */
  private static dev.agentos.events.executions.ExecutionOutcome sandboxVerdict(
      Integer exitCode, boolean timedOut) {
    if (timedOut) {
      return TIMED_OUT;
    }
    if (exitCode == null) {
      return SANDBOX_ERROR;
    }
    return exitCode == 0 ? SUCCEEDED : FAILED;
  }
}
