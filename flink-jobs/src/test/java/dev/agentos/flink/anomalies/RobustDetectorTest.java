package dev.agentos.flink.anomalies;

import static dev.agentos.events.derived.AnomalySeverity.CRITICAL;
import static dev.agentos.events.derived.AnomalySeverity.LOW;
import static dev.agentos.events.derived.AnomalySeverity.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.agentos.events.derived.AnomalySeverity;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RobustDetectorTest {

  private static final Offset<Double> CLOSE = within(1e-9);

  /** 9, 10 and 11 seven times each: median 10, MAD 1, so spread 1.4826. */
  private static final double[] NINE_TEN_ELEVEN =
      DoubleStream.iterate(9, v -> v == 11 ? 9 : v + 1).limit(21).toArray();

  private static final double SPREAD = 1.4826;

  private final RobustDetector detector = RobustDetector.withDefaults();

  @Test
  void judgesNothingBeforeTheWindowHoldsMinPoints() {
    SeriesWindow nineteen = windowOf(new double[19]);

    assertThat(detector.judge(nineteen, 1_000)).isEmpty();
    assertThat(detector.judge(detector.remember(nineteen, 19, 0), 1_000)).isPresent();
  }

  @Test
  void noisySeriesWithinItsNormalRangeHasNoAnomaly() {
    Random random = new Random(42);
    SeriesWindow window = SeriesWindow.empty();
    int judged = 0;
    List<Judgement> anomalies = new ArrayList<>();
    for (int t = 0; t < 1_000; t++) {
      double value = 100 + 10 * (random.nextDouble() - 0.5);
      var judgement = detector.judge(window, value);
      if (judgement.isPresent()) {
        judged++;
        if (judgement.get().anomalous()) {
          anomalies.add(judgement.get());
        }
      }
      window = detector.remember(window, t, value);
    }

    assertThat(judged).isEqualTo(1_000 - RobustDetector.DEFAULT_MIN_POINTS);
    assertThat(anomalies).isEmpty();
  }

  @Test
  void spikeIsFlaggedWithTheWindowsMedianRangeAndSpan() {
    Judgement judgement = detector.judge(windowOf(NINE_TEN_ELEVEN), 20).orElseThrow();

    assertThat(judgement.anomalous()).isTrue();
    assertThat(judgement.observed()).isEqualTo(20);
    assertThat(judgement.expected()).isEqualTo(10);
    assertThat(judgement.spread()).isCloseTo(SPREAD, CLOSE);
    assertThat(judgement.score()).isCloseTo(10 / SPREAD, CLOSE);
    assertThat(judgement.expectedLow()).isCloseTo(10 - 3.5 * SPREAD, CLOSE);
    assertThat(judgement.expectedHigh()).isCloseTo(10 + 3.5 * SPREAD, CLOSE);
    assertThat(judgement.severity()).isEqualTo(MEDIUM); // 6.74 is within [5.25, 7)
    assertThat(judgement.windowStartMillis()).isZero();
    assertThat(judgement.windowEndMillis()).isEqualTo(21); // after the last point, at 20
  }

  @ParameterizedTest(name = "{0} spreads off -> {1}")
  @CsvSource({
    "3.4, ",
    "3.5, LOW",
    "5.2, LOW",
    "5.25, MEDIUM",
    "6.9, MEDIUM",
    "7, HIGH",
    "10.4, HIGH",
    "10.5, CRITICAL",
    "100, CRITICAL",
    "-3.4, ",
    "-4, LOW",
    "-12, CRITICAL"
  })
  void severityBandsAreMultiplesOfTheThresholdEitherSide(
      double spreadsOff, AnomalySeverity severity) {
    // A hair further out, so a value on a band's edge is not lost to rounding.
    double value = 10 + spreadsOff * SPREAD + Math.signum(spreadsOff) * 1e-9;

    Judgement judgement = detector.judge(windowOf(NINE_TEN_ELEVEN), value).orElseThrow();

    assertThat(judgement.severity()).isEqualTo(severity);
    assertThat(judgement.anomalous()).isEqualTo(severity != null);
  }

  @Test
  void flatSeriesIsNotFlaggedWhileItStaysFlatButIsWhenItSteps() {
    SeriesWindow flat = windowOf(DoubleStream.generate(() -> 100).limit(30).toArray());

    Judgement same = detector.judge(flat, 100).orElseThrow();
    assertThat(same.score()).isZero();
    assertThat(same.anomalous()).isFalse();
    // No spread at all: 1 % of the level stands in for it.
    assertThat(same.spread()).isCloseTo(1, CLOSE);
    assertThat(detector.judge(flat, 103).orElseThrow().anomalous()).isFalse();
    assertThat(detector.judge(flat, 104).orElseThrow().severity()).isEqualTo(LOW);
    assertThat(detector.judge(flat, 150).orElseThrow().severity()).isEqualTo(CRITICAL);
  }

  @Test
  void flatSeriesAtZeroIsFlaggedForAnyChange() {
    SeriesWindow zeros = windowOf(new double[30]);

    assertThat(detector.judge(zeros, 0).orElseThrow().anomalous()).isFalse();
    assertThat(detector.judge(zeros, 0.001).orElseThrow().severity()).isEqualTo(CRITICAL);
  }

  @Test
  void mostlyFlatSeriesFallsBackToTheMeanAbsoluteDeviation() {
    double[] values = DoubleStream.generate(() -> 100).limit(30).toArray();
    for (int i = 0; i < 30; i += 6) {
      values[i] = 102; // five of thirty off: the MAD is still 0
    }

    Judgement judgement = detector.judge(windowOf(values), 100).orElseThrow();

    assertThat(judgement.expected()).isEqualTo(100);
    assertThat(judgement.spread()).isCloseTo(1.2533 * (5 * 2.0 / 30), CLOSE);
  }

  @Test
  void earlierOutliersDoNotHideANewSpikeAsTheyWouldFromAMeanAndStandardDeviation() {
    double[] values = new double[60];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 12 == 0 ? 1_000 : 100 + (i % 3 - 1); // five outliers among 99, 100, 101
    }
    double spike = 120;

    double mean = DoubleStream.of(values).average().orElseThrow();
    double sd = Math.sqrt(DoubleStream.of(values).map(v -> (v - mean) * (v - mean)).sum() / 60);
    double zScore = Math.abs(spike - mean) / sd;
    Judgement robust = detector.judge(windowOf(values), spike).orElseThrow();

    assertThat(zScore).as("mean/sd z-score of the spike").isLessThan(1);
    assertThat(robust.expected()).isEqualTo(100);
    assertThat(robust.score()).isGreaterThan(10);
    assertThat(robust.severity()).isEqualTo(CRITICAL);
  }

  @Test
  void lastingLevelChangeIsFlaggedUntilItFillsHalfTheWindow() {
    SeriesWindow window = SeriesWindow.empty();
    for (int t = 0; t < 60; t++) {
      window = detector.remember(window, t, 100 + (t % 3 - 1));
    }
    List<Integer> flagged = new ArrayList<>();
    for (int t = 60; t < 180; t++) {
      double value = 200 + (t % 3 - 1);
      if (detector.judge(window, value).orElseThrow().anomalous()) {
        flagged.add(t - 60);
      }
      window = detector.remember(window, t, value);
    }

    // Anomalies entered the window: the new level is normal once it makes up half of it.
    assertThat(flagged).containsExactlyElementsOf(IntStream.range(0, 30).boxed().toList());
  }

  @Test
  void nonFiniteValuesAreNeitherJudgedNorRemembered() {
    SeriesWindow window = windowOf(NINE_TEN_ELEVEN);

    for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThat(detector.judge(window, value)).isEmpty();
      assertThat(detector.remember(window, 99, value)).isSameAs(window);
    }
  }

  @Test
  void windowKeepsOnlyTheLastWindowSizeValues() {
    RobustDetector small = new RobustDetector(3, 2, 3.5);
    SeriesWindow window = SeriesWindow.empty();
    for (int t = 1; t <= 5; t++) {
      window = small.remember(window, t * 10L, t);
    }

    assertThat(window).isEqualTo(new SeriesWindow(new long[] {30, 40, 50}, new double[] {3, 4, 5}));
  }

  @Test
  void rejectsSettingsItCannotJudgeWith() {
    assertThatThrownBy(() -> new RobustDetector(10, 11, 3.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RobustDetector(10, 0, 3.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RobustDetector(10, 5, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RobustDetector(10, 5, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The values at event times 0, 1, 2, ... */
  private static SeriesWindow windowOf(double[] values) {
    SeriesWindow window = SeriesWindow.empty();
    for (int t = 0; t < values.length; t++) {
      window = window.append(t, values[t], values.length);
    }
    return window;
  }
}
