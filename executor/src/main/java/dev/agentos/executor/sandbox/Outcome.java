package dev.agentos.executor.sandbox;

import java.time.Duration;
import java.util.Optional;

/** How a run ended: on its own, or stopped by which limit. */
public enum Outcome {
  /** The program exited by itself; its exit code says whether it succeeded. */
  EXITED,
  /** A signal ended it that no limit explains (the program's own abort, a crash). */
  SIGNALED,
  /** Killed at the wall-time limit. */
  WALL_TIME,
  /** Ended by the kernel at the CPU-time limit (SIGXCPU, then SIGKILL). */
  CPU_TIME,
  /** Killed by the kernel's out-of-memory killer inside the sandbox's memory cgroup. */
  MEMORY,
  /** Killed because stdout and stderr together passed the output limit. */
  OUTPUT_LIMIT,
  /** Ended by SIGXFSZ: it wrote a file past the file-size limit. */
  FILE_SIZE;

  static final int SIGKILL = 9;
  static final int SIGXCPU = 24;
  static final int SIGXFSZ = 25;

  /**
   * How much less cpu than the limit a run killed at it may show: the kernel checks the limit at
   * each tick, and the cgroup's clock and the process's own differ by a little.
   */
  static final Duration CPU_SLACK = Duration.ofMillis(100);

  /**
   * The outcome of a run from what the runner saw. bubblewrap exits with 128 + the signal number
   * when the program was killed by a signal; the limits the runner enforces come first because the
   * runner knows it killed. SIGXCPU (at the cpu limit) and SIGKILL (a second later, for a program
   * that ignores SIGXCPU) mean the cpu limit when the run's cpu time, where it is measured, reached
   * it; a program that exits with such a code itself, or a signal from elsewhere, then reads as
   * signalled rather than as the limit. Unmeasured, SIGXCPU is taken for the limit.
   *
   * @param cpuTime the whole sandbox's cpu time, when the runner measures it
   * @param cpuLimit the run's cpu limit
   */
  static Outcome of(
      int exitCode,
      boolean wallTimeKilled,
      boolean outputKilled,
      boolean oomKilled,
      Optional<Duration> cpuTime,
      Duration cpuLimit) {
    if (outputKilled) {
      return OUTPUT_LIMIT;
    }
    if (wallTimeKilled) {
      return WALL_TIME;
    }
    if (oomKilled) {
      return MEMORY;
    }
    if (exitCode <= 128 || exitCode > 128 + 64) {
      return EXITED;
    }
    int signal = exitCode - 128;
    if (signal == SIGXCPU || signal == SIGKILL) {
      boolean atCpuLimit =
          cpuTime
              .map(used -> used.plus(CPU_SLACK).compareTo(cpuLimit) >= 0)
              .orElse(signal == SIGXCPU);
      return atCpuLimit ? CPU_TIME : SIGNALED;
    }
    return signal == SIGXFSZ ? FILE_SIZE : SIGNALED;
  }
}
