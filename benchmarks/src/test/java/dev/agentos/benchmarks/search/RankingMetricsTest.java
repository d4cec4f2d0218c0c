package dev.agentos.benchmarks.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

  private static final List<String> RANKED = List.of("x", "a", "y", "z", "w", "v", "b");

  @Test
  void recallCountsTheAnswersWithinTheCutOff() {
    assertThat(RankingMetrics.recallAt(5, RANKED, Set.of("a", "b"))).isEqualTo(0.5);
    assertThat(RankingMetrics.recallAt(10, RANKED, Set.of("a", "b"))).isEqualTo(1.0);
    assertThat(RankingMetrics.recallAt(10, RANKED, Set.of("missing"))).isEqualTo(0.0);
  }

  @Test
  void ndcgIsOneForThePerfectOrderAndDiscountsLowerRanks() {
    assertThat(RankingMetrics.ndcgAt(10, List.of("a", "b", "x"), Set.of("a", "b"))).isEqualTo(1.0);
    // one answer at rank 2: gain 1/log2(3), ideal 1
    assertThat(RankingMetrics.ndcgAt(10, RANKED, Set.of("a")))
        .isCloseTo(1 / (Math.log(3) / Math.log(2)), within(1e-12));
    assertThat(RankingMetrics.ndcgAt(10, RANKED, Set.of("missing"))).isEqualTo(0.0);
  }
}
