package dev.agentos.executor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitsTest {

  @Test
  void cpuTimeIsRoundedUpToWholeSecondsForTheKernel() {
    assertThat(Limits.defaults().withCpuTime(Duration.ofMillis(1)).cpuSeconds()).isEqualTo(1);
    assertThat(Limits.defaults().withCpuTime(Duration.ofMillis(1001)).cpuSeconds()).isEqualTo(2);
    assertThat(Limits.defaults().withCpuTime(Duration.ofSeconds(10)).cpuSeconds()).isEqualTo(10);
  }

  @Test
  void refusesLimitsNoProgramCouldRunUnder() {
    Limits limits = Limits.defaults();
    assertThatThrownBy(() -> limits.withWallTime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limits.withMemoryBytes(0)).hasMessageContaining("memoryBytes");
    assertThatThrownBy(() -> limits.withMaxProcesses(1)).hasMessageContaining("at least 2");
    assertThatThrownBy(() -> limits.withMaxOpenFiles(3)).hasMessageContaining("at least 16");
    assertThatThrownBy(() -> limits.withMaxOutputBytes(-1)).hasMessageContaining("maxOutput");
  }

  @Test
  void eachWitherChangesOnlyItsLimit() {
    Limits limits = Limits.defaults().withMaxProcesses(7);
    assertThat(limits)
        .usingRecursiveComparison()
        .ignoringFields("maxProcesses")
        .isEqualTo(Limits.defaults());
    assertThat(limits.maxProcesses()).isEqualTo(7);
  }
}
