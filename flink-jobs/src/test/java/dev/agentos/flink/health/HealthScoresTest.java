package dev.agentos.flink.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.agentos.events.derived.AnomalySeverity;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthScoresTest {

  @Test
  void everyComponentFromAKnownWindow() {
    int anomalyPoints =
        HealthScores.points(AnomalySeverity.HIGH) + HealthScores.points(AnomalySeverity.LOW);
    HealthWindow window = new HealthWindow(9, 3, 3, 1, 4, 0, 4, 1, 2, anomalyPoints, 2);

    Map<String, BigDecimal> components = HealthScores.components(window);

    assertThat(components)
        .containsOnly(
            entry(HealthScores.TEST_PASS_RATE, new BigDecimal("75.00")),
            entry(HealthScores.EXECUTION_SUCCESS, new BigDecimal("75.00")),
            entry(HealthScores.ERROR_TREND, new BigDecimal("75.00")), // 0 % failed, now 25 %
            entry(HealthScores.FLAKY_TESTS, new BigDecimal("75.00")),
            entry(HealthScores.ERROR_PATTERNS, new BigDecimal("80.00")),
            entry(HealthScores.ANOMALIES, new BigDecimal("88.00")));
    // (75x25 + 75x25 + 75x10 + 75x15 + 80x15 + 88x10) / 100
    assertThat(HealthScores.score(components)).isEqualTo(new BigDecimal("77.05"));
  }

  @Test
  void theWeightsAddUpToAHundred() {
    assertThat(HealthScores.WEIGHTS.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(100);
  }

  @Test
  void componentsWithoutDataAreLeftOutOfTheMapAndTheScore() {
    HealthWindow onlyExecutions = new HealthWindow(0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0);

    Map<String, BigDecimal> components = HealthScores.components(onlyExecutions);

    assertThat(components)
        .containsOnly(entry(HealthScores.EXECUTION_SUCCESS, new BigDecimal("66.67")));
    assertThat(HealthScores.score(components)).isEqualTo(new BigDecimal("66.67"));
    assertThat(HealthScores.components(new HealthWindow(0, 0, 0, 0, 5, 5, 0, 0, 0, 0, 0)))
        .isEmpty();
    assertThatThrownBy(() -> HealthScores.score(Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTrendLosesThePointsTheFailureRateRoseAndKeepsAHundredWhenItFell() {
    HealthWindow worse = new HealthWindow(0, 0, 1, 1, 9, 1, 0, 0, 0, 0, 0); // 10 % -> 50 %
    HealthWindow better = new HealthWindow(0, 0, 9, 1, 1, 1, 0, 0, 0, 0, 0); // 50 % -> 10 %
    HealthWindow steady = new HealthWindow(0, 0, 1, 1, 2, 2, 0, 0, 0, 0, 0);

    assertThat(HealthScores.components(worse).get(HealthScores.ERROR_TREND))
        .isEqualTo(new BigDecimal("60.00"));
    assertThat(HealthScores.components(better).get(HealthScores.ERROR_TREND))
        .isEqualTo(new BigDecimal("100.00"));
    assertThat(HealthScores.components(steady).get(HealthScores.ERROR_TREND))
        .isEqualTo(new BigDecimal("100.00"));
  }

  @Test
  void countsOfWhatWentWrongBottomOutAtZero() {
    HealthWindow dire = new HealthWindow(0, 0, 0, 0, 0, 0, 0, 0, 12, 4 * 25, 4);

    assertThat(HealthScores.components(dire))
        .containsOnly(
            entry(HealthScores.ERROR_PATTERNS, new BigDecimal("0.00")),
            entry(HealthScores.ANOMALIES, new BigDecimal("0.00")));
  }
}
