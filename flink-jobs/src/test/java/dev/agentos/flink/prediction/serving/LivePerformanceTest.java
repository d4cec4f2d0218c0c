package dev.agentos.flink.prediction.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.derived.ModelRole;
import dev.agentos.flink.prediction.PredictionRequest;
import dev.agentos.flink.prediction.PredictionTarget;
import dev.agentos.flink.prediction.RequestFeatures;
import dev.agentos.flink.prediction.Resolution;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Predictions meet their outcomes, and each serving version's record is reported per minute. */
class LivePerformanceTest {

  private static final long T0 = 1_000 * 3_600_000L;

  @Test
  void onlyPredictionsOfRequestsMadeBeforeTheOutcomeAreResolvedInEitherOrder() throws Exception {
    try (var harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new ResolvePredictions()),
            (ScoredPrediction p) -> p.request().subjectKey(),
            Resolution::subjectKey,
            Types.STRING)) {
      harness.open();
      harness.processElement1(scored("x-1", "v1", ModelRole.CHAMPION, 0.9f, T0), T0);
      harness.processElement1(scored("x-1", "v1", ModelRole.CHAMPION, 0.9f, T0), T0); // restarted
      harness.processElement2(outcome("x-1", true), T0 + 5);
      // Scored on a longer path, it arrives after the outcome; its request was made before it.
      harness.processElement1(scored("x-1", "v2", ModelRole.CHALLENGER, 0.2f, T0), T0);
      // A request made after the outcome is no forecast.
      harness.processElement1(scored("x-1", "v3", ModelRole.CHAMPION, 0.5f, T0 + 6), T0 + 6);
      harness.processElement2(outcome("x-1", true), T0 + 7);

      assertThat(harness.extractOutputValues())
          .extracting(ResolvedPrediction::modelVersion)
          .containsExactly("v1", "v2");
    }
  }

  @Test
  void aVersionsRecordIsReportedOnceAtTheEndOfEachMinuteWithOutcomes() throws Exception {
    try (var harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new TrackPerformance()),
            ResolvedPrediction::versionKey,
            Types.STRING)) {
      harness.open();
      harness.processElement(resolved(0.9f, true, T0 + 1_000), T0 + 1_000);
      harness.processElement(resolved(0.8f, false, T0 + 2_000), T0 + 2_000);
      harness.processWatermark(T0 + 59_999);
      harness.processWatermark(T0 + 3 * 60_000);

      assertThat(harness.extractOutputValues())
          .singleElement()
          .satisfies(
              report -> {
                assertThat(report.getResolved()).isEqualTo(2);
                assertThat(report.getCorrect()).isEqualTo(1);
                assertThat(report.getBrierScore()).isCloseTo((0.01 + 0.64) / 2, within());
                assertThat(report.getLogLoss())
                    .isCloseTo((-Math.log(0.9) - Math.log(0.2)) / 2, within());
                assertThat(report.getHeader().getProjectId()).isEqualTo("*");
              });
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }

  private static ResolvedPrediction resolved(float p, boolean succeeded, long at) {
    return new ResolvedPrediction(
        "acme", "execution-success", "v1", ModelRole.CHAMPION, p, succeeded, at);
  }

  private static ScoredPrediction scored(
      String execution, String version, ModelRole role, float p, long requestedAt) {
    PredictionRequest request =
        new PredictionRequest(
            "acme",
            "web",
            "agent-1",
            "s",
            PredictionTarget.EXECUTION_SUCCESS,
            execution,
            execution,
            null,
            requestedAt,
            RequestFeatures.missing());
    return new ScoredPrediction(request, "execution-success", version, "p1", role, p);
  }

  private static Resolution outcome(String execution, boolean succeeded) {
    return new Resolution("acme", PredictionTarget.EXECUTION_SUCCESS, execution, succeeded, T0 + 5);
  }
}
