package dev.agentos.executor.sandbox;

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
   * The outcome of a run from what the runner saw. bubblewrap exits with 128 + the signal number
   * when the program was killed by a signal, so a program that itself exits with such a code reads
   * as signalled; the limits the runner enforces come first because the runner knows it killed.
   */
  static Outcome of(int exitCode, boolean wallTimeKilled, boolean outputKilled, boolean oomKilled) {
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
    return switch (exitCode - 128) {
      case SIGXCPU -> CPU_TIME;
      case SIGXFSZ -> FILE_SIZE;
      default -> SIGNALED;
    };
  }
}
