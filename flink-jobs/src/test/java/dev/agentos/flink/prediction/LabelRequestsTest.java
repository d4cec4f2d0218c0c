package dev.agentos.flink.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class LabelRequestsTest {

  private static final long T0 = AgentActivities.T0;

  @Test
  void aRequestAndItsOutcomeMakeAnExampleInEitherOrder() throws Exception {
    try (var harness = harness()) {
      harness.processElement1(request("x-1", T0), T0);
      harness.processElement2(outcome("x-1", true, T0 + 5), T0 + 5);
      harness.processElement2(outcome("x-2", false, T0 + 6), T0 + 6);
      harness.processElement1(request("x-2", T0 + 1), T0 + 1);

      assertThat(harness.extractOutputValues())
          .extracting(Example::subjectId, Example::succeeded)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("x-1", true),
              org.assertj.core.groups.Tuple.tuple("x-2", false));
      assertThat(harness.numKeyedStateEntries()).isZero();
    }
  }

  @Test
  void aRequestWithoutOutcomeIsDroppedAfterAWeek() throws Exception {
    try (var harness = harness()) {
      harness.processElement1(request("x-1", T0), T0);
      harness.processBothWatermarks(
          new org.apache.flink.streaming.api.watermark.Watermark(T0 + LabelRequests.WAIT_MS));
      harness.processElement2(outcome("x-1", true, T0 + LabelRequests.WAIT_MS + 1), T0);

      assertThat(harness.extractOutputValues()).isEmpty();
    }
  }

  private static KeyedTwoInputStreamOperatorTestHarness<
          String, PredictionRequest, Resolution, Example>
      harness() throws Exception {
    var harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new LabelRequests()),
            PredictionRequest::subjectKey,
            Resolution::subjectKey,
            Types.STRING);
    harness.open();
    return harness;
  }

  private static PredictionRequest request(String execution, long at) {
    return new PredictionRequest(
        "acme",
        "web",
        "agent-1",
        "s",
        PredictionTarget.EXECUTION_SUCCESS,
        execution,
        execution,
        null,
        at,
        RequestFeatures.missing());
  }

  private static Resolution outcome(String execution, boolean succeeded, long at) {
    return new Resolution("acme", PredictionTarget.EXECUTION_SUCCESS, execution, succeeded, at);
  }
}
