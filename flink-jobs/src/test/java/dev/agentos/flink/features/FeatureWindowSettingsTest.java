package dev.agentos.flink.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeatureWindowSettingsTest {

  @Test
  void defaultsAreAnHourAndADayEveryHour() {
    assertThat(FeatureWindowSettings.defaults())
        .isEqualTo(
            new FeatureWindowSettings(
                Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(1)));
  }

  @Test
  void labelsAreHoursMinutesOrMilliseconds() {
    assertThat(FeatureWindowSettings.label(Duration.ofHours(24))).isEqualTo("24h");
    assertThat(FeatureWindowSettings.label(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(FeatureWindowSettings.label(Duration.ofMillis(1_500))).isEqualTo("1500ms");
  }

  @Test
  void rejectsEmptyWindowsAndSlidesThatDoNotDivideTheirWindow() {
    assertThatThrownBy(
            () ->
                new FeatureWindowSettings(Duration.ZERO, Duration.ofHours(2), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new FeatureWindowSettings(Duration.ofHours(1), Duration.ZERO, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new FeatureWindowSettings(
                    Duration.ofHours(1), Duration.ofHours(24), Duration.ofMinutes(7)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
