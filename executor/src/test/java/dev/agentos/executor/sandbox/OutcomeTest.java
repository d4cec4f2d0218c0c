package dev.agentos.executor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutcomeTest {

  private static final Optional<Duration> UNMEASURED = Optional.empty();
  private static final Duration LIMIT = Duration.ofSeconds(1);

  @Test
  void aProgramsOwnExitCodeIsAnExit() {
    assertThat(Outcome.of(0, false, false, false, UNMEASURED, LIMIT)).isEqualTo(Outcome.EXITED);
    assertThat(Outcome.of(3, false, false, false, UNMEASURED, LIMIT)).isEqualTo(Outcome.EXITED);
    assertThat(Outcome.of(255, false, false, false, UNMEASURED, LIMIT)).isEqualTo(Outcome.EXITED);
  }

  @Test
  void theKernelsLimitSignalsNameTheirLimits() {
    assertThat(Outcome.of(128 + 24, false, false, false, UNMEASURED, LIMIT))
        .isEqualTo(Outcome.CPU_TIME);
    assertThat(Outcome.of(128 + 25, false, false, false, UNMEASURED, LIMIT))
        .isEqualTo(Outcome.FILE_SIZE);
    assertThat(Outcome.of(128 + 11, false, false, false, UNMEASURED, LIMIT))
        .isEqualTo(Outcome.SIGNALED);
  }

  @Test
  void whatTheRunnerKilledForComesBeforeTheSignalItKilledWith() {
    assertThat(Outcome.of(137, true, false, false, UNMEASURED, LIMIT)).isEqualTo(Outcome.WALL_TIME);
    assertThat(Outcome.of(137, true, true, false, UNMEASURED, LIMIT))
        .isEqualTo(Outcome.OUTPUT_LIMIT);
    assertThat(Outcome.of(137, false, false, true, UNMEASURED, LIMIT)).isEqualTo(Outcome.MEMORY);
  }

  @Test
  void aKillAtTheCpuLimitIsTheLimitWhenTheCpuTimeShowsItReached() {
    Optional<Duration> reached = Optional.of(Duration.ofMillis(960));
    Optional<Duration> far = Optional.of(Duration.ofMillis(40));

    // SIGKILL a second past SIGXCPU: the program ignored SIGXCPU.
    assertThat(Outcome.of(128 + 9, false, false, false, reached, LIMIT))
        .isEqualTo(Outcome.CPU_TIME);
    assertThat(Outcome.of(128 + 24, false, false, false, reached, LIMIT))
        .isEqualTo(Outcome.CPU_TIME);
    // Far below the limit: the program's own exit code 152, or a signal from elsewhere.
    assertThat(Outcome.of(128 + 24, false, false, false, far, LIMIT)).isEqualTo(Outcome.SIGNALED);
    assertThat(Outcome.of(128 + 9, false, false, false, far, LIMIT)).isEqualTo(Outcome.SIGNALED);
    // Unmeasured, only SIGXCPU says cpu limit.
    assertThat(Outcome.of(128 + 9, false, false, false, UNMEASURED, LIMIT))
        .isEqualTo(Outcome.SIGNALED);
  }
}
