package dev.agentos.flink.prediction.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.agentos.events.derived.CalibrationBin;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  private static final double EPS = 1e-9;

  /**
   * Predictions 0.1 (failed), 0.4 (succeeded), 0.4 (failed), 0.8 (succeeded). Of the 4
   * success-failure pairs, 3 are ranked right and one is tied: AUC = 3.5 / 4.
   */
  @Test
  void scoresFourExamplesAsComputedByHand() {
    Evaluation evaluation =
        Evaluation.of(new double[] {0.1, 0.4, 0.4, 0.8}, new boolean[] {false, true, false, true});

    assertThat(evaluation.examples()).isEqualTo(4);
    assertThat(evaluation.auc()).isCloseTo(0.875, within(EPS));
    // -(ln 0.9 + ln 0.4 + ln 0.6 + ln 0.8) / 4
    assertThat(evaluation.logLoss()).isCloseTo(0.438905101, within(1e-8));
    // (0.01 + 0.36 + 0.16 + 0.04) / 4
    assertThat(evaluation.brier()).isCloseTo(0.1425, within(EPS));
    assertThat(evaluation.baseRate()).isCloseTo(0.5, within(EPS));
    assertThat(evaluation.meanPredicted()).isCloseTo(0.425, within(EPS));
  }

  @Test
  void theBaselineIsTheLogLossOfPredictingOneRateForAll() {
    Evaluation evaluation =
        Evaluation.of(new double[] {0.1, 0.4, 0.4, 0.8}, new boolean[] {false, true, false, true});

    // Half succeeded: -(0.5 ln 0.25 + 0.5 ln 0.75)
    assertThat(evaluation.logLossOfConstant(0.25)).isCloseTo(0.836988, within(1e-6));
    assertThat(evaluation.logLossOfConstant(0.5)).isCloseTo(Math.log(2), within(EPS));
  }

  @Test
  void binsTheProbabilitiesByTenthsAndLeavesEmptyBinsOut() {
    Evaluation evaluation =
        Evaluation.of(new double[] {0.1, 0.4, 0.4, 0.8}, new boolean[] {false, true, false, true});

    List<CalibrationBin> bins = evaluation.calibration();
    assertThat(bins).hasSize(3);
    assertBin(bins.get(0), 0.1, 0.2, 1, 0.1, 0.0);
    assertBin(bins.get(1), 0.4, 0.5, 2, 0.4, 0.5);
    assertBin(bins.get(2), 0.8, 0.9, 1, 0.8, 1.0);
  }

  @Test
  void theLastBinHoldsOneAndTheFirstHoldsZero() {
    Evaluation evaluation =
        Evaluation.of(new double[] {0.0, 0.05, 0.95, 1.0}, new boolean[] {false, true, true, true});

    List<CalibrationBin> bins = evaluation.calibration();
    assertThat(bins).hasSize(2);
    assertBin(bins.get(0), 0.0, 0.1, 2, 0.025, 0.5);
    assertBin(bins.get(1), 0.9, 1.0, 2, 0.975, 1.0);
  }

  @Test
  void aucIsOneForAPerfectRankingZeroForAReversedOneAndAHalfForAllTies() {
    boolean[] outcomes = {false, false, true, true};
    assertThat(Evaluation.of(new double[] {0.1, 0.2, 0.3, 0.9}, outcomes).auc()).isEqualTo(1.0);
    assertThat(Evaluation.of(new double[] {0.9, 0.3, 0.2, 0.1}, outcomes).auc()).isEqualTo(0.0);
    assertThat(Evaluation.of(new double[] {0.6, 0.6, 0.6, 0.6}, outcomes).auc()).isEqualTo(0.5);
  }

  @Test
  void aucStaysRightWithMoreSuccessesThanAnIntCanSquare() {
    int n = 200_000;
    double[] predicted = new double[n];
    boolean[] succeeded = new boolean[n];
    for (int i = 0; i < n; i++) {
      predicted[i] = (double) i / n;
      succeeded[i] = i % 4 != 0 ? i >= n / 4 : i >= n / 2;
    }

    // 50,000 failures below n/4 rank under every success; in [n/4, n/2) 37,500 successes and
    // 12,500 failures (i % 4 == 0) interleave; above n/2, 100,000 successes. So 137,500 successes
    // and 62,500 failures, misordered only where a failure in [n/4, n/2) outranks successes:
    double misordered = 0;
    for (int i = n / 4; i < n / 2; i += 4) {
      misordered += (i - n / 4) * 3 / 4.0; // successes in [n/4, i) that rank below failure i
    }
    double expected = 1 - misordered / (137_500.0 * 62_500.0);
    assertThat(Evaluation.of(predicted, succeeded).auc()).isCloseTo(expected, within(1e-6));
  }

  @Test
  void aConfidentMistakeCostsTheClippedLogLossNotInfinity() {
    Evaluation evaluation = Evaluation.of(new double[] {1.0, 1.0}, new boolean[] {false, true});

    // -(ln(1e-15) + ln(1 - 1e-15)) / 2 = 17.27; within 1e-3, as 1 - 1e-15 is no exact double.
    assertThat(evaluation.logLoss()).isCloseTo(-Math.log(1e-15) / 2, within(1e-3));
    assertThat(evaluation.brier()).isCloseTo(0.5, within(EPS));
  }

  @Test
  void refusesOutcomesOfOneKindAndValuesThatAreNoProbabilities() {
    assertThatThrownBy(() -> Evaluation.of(new double[] {0.2, 0.3}, new boolean[] {true, true}))
        .hasMessageContaining("2 successes of 2 examples");
    assertThatThrownBy(() -> Evaluation.of(new double[] {0.2, 1.3}, new boolean[] {true, false}))
        .hasMessageContaining("not a probability: 1.3");
    assertThatThrownBy(
            () -> Evaluation.of(new double[] {0.2, Double.NaN}, new boolean[] {true, false}))
        .hasMessageContaining("not a probability: NaN");
  }

  private static void assertBin(
      CalibrationBin bin,
      double lower,
      double upper,
      long examples,
      double meanPredicted,
      double observedRate) {
    assertThat(bin.getLower()).isCloseTo(lower, within(EPS));
    assertThat(bin.getUpper()).isCloseTo(upper, within(EPS));
    assertThat(bin.getExamples()).isEqualTo(examples);
    assertThat(bin.getMeanPredicted()).isCloseTo(meanPredicted, within(EPS));
    assertThat(bin.getObservedRate()).isCloseTo(observedRate, within(EPS));
  }
}
