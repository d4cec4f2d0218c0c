package dev.agentos.flink.health;

import static dev.agentos.flink.health.HealthEventSamples.anomaly;
import static dev.agentos.flink.health.HealthEventSamples.execution;
import static dev.agentos.flink.health.HealthEventSamples.header;
import static dev.agentos.flink.health.HealthEventSamples.pattern;
import static dev.agentos.flink.health.HealthEventSamples.verification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionStarted;
import dev.agentos.events.executions.VerificationVerdict;
import dev.agentos.flink.io.SourcePosition;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

class HealthInputsTest {

  private static final long AT = 1_740_830_400_250L;
  private static final SourcePosition POSITION = new SourcePosition("agentos.executions.v1", 3, 7L);

  @Test
  void verificationCarriesScopeTimePositionCountsAndTestNames() {
    HealthInput input =
        only(
            verification(
                "e-1",
                AT,
                VerificationVerdict.FAILED,
                5,
                2,
                List.of("test_a", "test_b"),
                List.of("test_c")));

    assertThat(input)
        .isEqualTo(
            new HealthInput(
                POSITION,
                AT,
                "acme",
                "web",
                "e-1",
                HealthInputKind.VERIFICATION,
                5,
                2,
                List.of("test_a", "test_b"),
                List.of("test_c"),
                false,
                null,
                null));
    assertThat(input.projectKey()).isEqualTo("acme/web");
  }

  @Test
  void verificationWhoseTestsCouldNotRunSaysNothing() {
    assertThat(map(verification("e-1", AT, VerificationVerdict.ERROR, List.of(), List.of())))
        .isEmpty();
  }

  @Test
  void executionSucceedsOnlyWhenItSucceededAndASandboxErrorSaysNothing() {
    assertThat(only(execution("e-1", AT, ExecutionOutcome.SUCCEEDED)).succeeded()).isTrue();
    for (ExecutionOutcome failed :
        List.of(
            ExecutionOutcome.FAILED, ExecutionOutcome.TIMED_OUT, ExecutionOutcome.LIMIT_EXCEEDED)) {
      HealthInput input = only(execution("e-1", AT, failed));
      assertThat(input.kind()).isEqualTo(HealthInputKind.EXECUTION);
      assertThat(input.succeeded()).as(failed.name()).isFalse();
    }
    assertThat(map(execution("e-1", AT, ExecutionOutcome.SANDBOX_ERROR))).isEmpty();
  }

  @Test
  void errorPatternCarriesItsIdAndSuccessPatternsSayNothing() {
    HealthInput input = only(pattern("e-1", AT, "p-1", PatternKind.ERROR));

    assertThat(input.kind()).isEqualTo(HealthInputKind.ERROR_PATTERN);
    assertThat(input.sightingId()).isEqualTo("p-1");
    assertThat(map(pattern("e-2", AT, "p-2", PatternKind.SUCCESS))).isEmpty();
  }

  @Test
  void anomalyCarriesItsIdAndSeverity() {
    HealthInput input = only(anomaly("e-1", AT, "a-1", AnomalySeverity.HIGH));

    assertThat(input.kind()).isEqualTo(HealthInputKind.ANOMALY);
    assertThat(input.sightingId()).isEqualTo("a-1");
    assertThat(input.severity()).isEqualTo(AnomalySeverity.HIGH);
  }

  @Test
  void otherEventsSayNothing() {
    ExecutionStarted started =
        ExecutionStarted.newBuilder()
            .setHeader(header("e-1", AT))
            .setExecutionId("exec-1")
            .setSandboxId("sb-1")
            .setRuntime("python:3.12.4")
            .setQueuedMs(5L)
            .build();

    assertThat(map(started)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void flinkSerializesTheInputAsAPojoNotWithKryo() {
    TypeInformation<HealthInput> type = TypeInformation.of(HealthInput.class);

    assertThat(type).isInstanceOf(PojoTypeInfo.class);
    PojoTypeInfo<HealthInput> pojo = (PojoTypeInfo<HealthInput>) type;
    for (int i = 0; i < pojo.getArity(); i++) {
      assertThat(pojo.getTypeAt(i))
          .as(pojo.getPojoFieldAt(i).getField().getName())
          .isNotInstanceOf(GenericTypeInfo.class);
    }
  }

  private static List<HealthInput> map(SpecificRecord event) {
    return new HealthInputs().map(event, POSITION);
  }

  private static HealthInput only(SpecificRecord event) {
    List<HealthInput> inputs = map(event);
    assertThat(inputs).hasSize(1);
    assertThat(inputs.get(0).position()).isEqualTo(POSITION);
    assertThat(inputs.get(0).eventTimeMillis()).isEqualTo(AT);
    return inputs.get(0);
  }
}
