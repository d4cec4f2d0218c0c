package dev.agentos.executor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeTest {

  @Test
  void aProgramsOwnExitCodeIsAnExit() {
    assertThat(Outcome.of(0, false, false, false)).isEqualTo(Outcome.EXITED);
    assertThat(Outcome.of(3, false, false, false)).isEqualTo(Outcome.EXITED);
    assertThat(Outcome.of(255, false, false, false)).isEqualTo(Outcome.EXITED);
  }

  @Test
  void theKernelsLimitSignalsNameTheirLimits() {
    assertThat(Outcome.of(128 + 24, false, false, false)).isEqualTo(Outcome.CPU_TIME);
    assertThat(Outcome.of(128 + 25, false, false, false)).isEqualTo(Outcome.FILE_SIZE);
    assertThat(Outcome.of(128 + 11, false, false, false)).isEqualTo(Outcome.SIGNALED);
  }

  @Test
  void whatTheRunnerKilledForComesBeforeTheSignalItKilledWith() {
    assertThat(Outcome.of(137, true, false, false)).isEqualTo(Outcome.WALL_TIME);
    assertThat(Outcome.of(137, true, true, false)).isEqualTo(Outcome.OUTPUT_LIMIT);
    assertThat(Outcome.of(137, false, false, true)).isEqualTo(Outcome.MEMORY);
  }
}
