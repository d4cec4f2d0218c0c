package dev.agentos.flink.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthSettingsTest {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofHours(24);

  @Test
  void defaultsReportHourlyOverADayAndKeepTwoDaysForTheTrend() {
    HealthSettings defaults = HealthSettings.defaults();

    assertThat(defaults.period()).isEqualTo(HOUR);
    assertThat(defaults.window()).isEqualTo(DAY);
    assertThat(defaults.idleTimeout()).isEqualTo(DAY.multipliedBy(2));
    assertThat(defaults.maxTestNames()).isEqualTo(10_000);
  }

  @Test
  void periodsAreEpochAligned() {
    HealthSettings settings = HealthSettings.defaults();

    assertThat(settings.periodOf(5 * HOUR.toMillis() + 17)).isEqualTo(5 * HOUR.toMillis());
    assertThat(settings.periodOf(-1)).isEqualTo(-HOUR.toMillis());
  }

  @Test
  void refusesSettingsThatCannotScheduleReports() {
    Duration minute = Duration.ofMinutes(1);
    assertThatThrownBy(() -> new HealthSettings(Duration.ZERO, DAY, DAY, minute, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HealthSettings(Duration.ofMinutes(50), DAY, DAY, minute, 10))
        .hasMessageContaining("does not divide");
    assertThatThrownBy(() -> new HealthSettings(HOUR, DAY, HOUR, minute, 10))
        .hasMessageContaining("shorter than the window");
    assertThatThrownBy(() -> new HealthSettings(HOUR, DAY, DAY, minute.negated(), 10))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> new HealthSettings(HOUR, DAY, DAY, minute, 0))
        .hasMessageContaining("maxTestNames");
  }
}
