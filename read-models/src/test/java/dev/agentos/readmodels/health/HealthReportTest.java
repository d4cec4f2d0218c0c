package dev.agentos.readmodels.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A report keeps two decimals and its components in name order; a trend is bounded. */
class HealthReportTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void scoresKeepTwoDecimalsWhateverScaleTheyCameWith() {
    HealthReport report =
        new HealthReport(
            "r",
            "t",
            "p",
            T0,
            T0.plusSeconds(3600),
            new BigDecimal("87.5"),
            Map.of("flaky-tests", new BigDecimal("100"), "anomalies", new BigDecimal("66.667")),
            "e");

    assertThat(report.score().toPlainString()).isEqualTo("87.50");
    assertThat(report.components().keySet()).containsExactly("anomalies", "flaky-tests");
    assertThat(report.components().values())
        .extracting(BigDecimal::toPlainString)
        .containsExactly("66.67", "100.00");
  }

  @Test
  void aReportOfNoComponentsHasAnEmptyMap() {
    assertThat(new HealthReport("r", "t", "p", T0, T0, BigDecimal.ONE, null, "e").components())
        .isEmpty();
  }

  @Test
  void aTrendIsAForwardRangeOfAtMostAQuarterAndAtMostTheLimit() {
    HealthReader.requireBounded(T0, T0.plus(HealthReader.MAX_RANGE), HealthReader.MAX_LIMIT);
    HealthReader.requireBounded(T0, T0.plusMillis(1), 1);

    assertThatThrownBy(() -> HealthReader.requireBounded(T0, T0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not before");
    assertThatThrownBy(() -> HealthReader.requireBounded(T0.plusSeconds(1), T0, 10))
        .hasMessageContaining("not before");
    assertThatThrownBy(
            () ->
                HealthReader.requireBounded(T0, T0.plus(HealthReader.MAX_RANGE).plusMillis(1), 10))
        .hasMessageContaining("longer than 92 days");
    assertThatThrownBy(() -> HealthReader.requireBounded(T0, T0.plusSeconds(1), 0))
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> HealthReader.requireBounded(T0, T0.plusSeconds(1), 1001))
        .hasMessageContaining("limit");
  }
}
