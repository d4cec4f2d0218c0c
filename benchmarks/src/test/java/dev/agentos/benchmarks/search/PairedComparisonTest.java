package dev.agentos.benchmarks.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

  @Test
  void aSmallGainOnEveryQuestionIsClearlyBetter() {
    double[] base = {0.2, 0.9, 0.5, 0.1, 0.7, 0.3, 0.8, 0.4, 0.6, 1.0 - 0.05};
    double[] better = Arrays.stream(base).map(x -> x + 0.05).toArray();

    PairedComparison paired = PairedComparison.of(better, base);

    assertThat(paired.meanDifference()).isCloseTo(0.05, within(1e-9));
    assertThat(paired.wins()).isEqualTo(10);
    assertThat(paired.wilcoxonP()).isLessThan(0.01);
    assertThat(paired.clearlyBetter()).isTrue();
    assertThat(PairedComparison.of(base, better).clearlyWorse()).isTrue();
  }

  @Test
  void oneLuckyQuestionIsNotEnough() {
    // The mean favours a, but only because of one question; the rest are tied or lost.
    double[] a = {1.0, 0.5, 0.5, 0.5, 0.4, 0.5, 0.4, 0.5, 0.5, 0.5};
    double[] b = {0.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};

    PairedComparison paired = PairedComparison.of(a, b);

    assertThat(paired.meanDifference()).isCloseTo(0.08, within(1e-9));
    assertThat(paired.wins()).isEqualTo(1);
    assertThat(paired.ties()).isEqualTo(7);
    assertThat(paired.losses()).isEqualTo(2);
    assertThat(paired.clearlyBetter()).isFalse();
    assertThat(paired.wilcoxonP()).isGreaterThan(0.5); // the ties are not evidence
    assertThat(paired.describe()).endsWith("not distinguishable");
  }

  @Test
  void aFewWinsAreNotEnoughEvenWhenTheBootstrapMissesTheLoss() {
    double[] a = new double[90];
    double[] b = new double[90];
    Arrays.fill(a, 0.5);
    Arrays.fill(b, 0.5);
    for (int i = 0; i < 4; i++) {
      a[i] = 1.0;
    }
    b[4] = 0.6;

    PairedComparison paired = PairedComparison.of(a, b);

    assertThat(paired.wins()).isEqualTo(4);
    assertThat(paired.losses()).isEqualTo(1);
    assertThat(paired.wilcoxonP()).isGreaterThan(0.05);
    assertThat(paired.clearlyBetter()).isFalse();
  }

  @Test
  void identicalRankingsShowNoDifference() {
    double[] same = {0.3, 0.6, 1.0};

    PairedComparison paired = PairedComparison.of(same, same.clone());

    assertThat(paired.meanDifference()).isZero();
    assertThat(paired.ties()).isEqualTo(3);
    assertThat(paired.wilcoxonP()).isEqualTo(1.0);
    assertThat(paired.clearlyBetter()).isFalse();
  }

  @Test
  void refusesUnpairedScores() {
    assertThatThrownBy(() -> PairedComparison.of(new double[] {1}, new double[] {1, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 and 2");
  }
}
