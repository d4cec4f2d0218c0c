package dev.agentos.executor.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * What one run may use. Each limit is enforced by the kernel (rlimits, or cgroups where the runner
 * says so) except the wall time and the output, which the runner enforces by killing the sandbox:
 * no kernel limit stops a process that sleeps, or one that writes fast into a pipe.
 *
 * @param cpuTime CPU time of the program and its children, rounded up to whole seconds
 * @param wallTime time from the start to the kill, whatever the program does
 * @param memoryBytes memory the program's data may take
 * @param maxProcesses processes and threads alive at once inside the sandbox
 * @param maxFileBytes size of any one file the program writes
 * @param maxOpenFiles file descriptors open at once
 * @param maxOutputBytes stdout and stderr together; past it the run is killed
 */
public record Limits(
    Duration cpuTime,
    Duration wallTime,
    long memoryBytes,
    int maxProcesses,
    long maxFileBytes,
    int maxOpenFiles,
    long maxOutputBytes) {

  private static final long MIB = 1024 * 1024;

  public Limits {
    Objects.requireNonNull(cpuTime, "cpuTime");
    Objects.requireNonNull(wallTime, "wallTime");
    requirePositive(cpuTime.toMillis(), "cpuTime");
    requirePositive(wallTime.toMillis(), "wallTime");
    requirePositive(memoryBytes, "memoryBytes");
    // The sandbox's own init process and the program take two before the program forks once.
    if (maxProcesses < 2) {
      throw new IllegalArgumentException("maxProcesses must be at least 2, was " + maxProcesses);
    }
    requirePositive(maxFileBytes, "maxFileBytes");
    // Below a handful the dynamic loader cannot open the program's own libraries.
    if (maxOpenFiles < 16) {
      throw new IllegalArgumentException("maxOpenFiles must be at least 16, was " + maxOpenFiles);
    }
    requirePositive(maxOutputBytes, "maxOutputBytes");
  }

  /** Enough for a test suite of a small project, small enough that a runaway one harms nobody. */
  public static Limits defaults() {
    return new Limits(
        Duration.ofSeconds(10), Duration.ofSeconds(30), 512 * MIB, 64, 16 * MIB, 256, MIB);
  }

  /** The CPU limit as RLIMIT_CPU takes it: whole seconds, never zero. */
  public long cpuSeconds() {
    return Math.max(1, (cpuTime.toMillis() + 999) / 1000);
  }

  public Limits withCpuTime(Duration value) {
    return new Limits(
        value, wallTime, memoryBytes, maxProcesses, maxFileBytes, maxOpenFiles, maxOutputBytes);
  }

  public Limits withWallTime(Duration value) {
    return new Limits(
        cpuTime, value, memoryBytes, maxProcesses, maxFileBytes, maxOpenFiles, maxOutputBytes);
  }

  public Limits withMemoryBytes(long value) {
    return new Limits(
        cpuTime, wallTime, value, maxProcesses, maxFileBytes, maxOpenFiles, maxOutputBytes);
  }

  public Limits withMaxProcesses(int value) {
    return new Limits(
        cpuTime, wallTime, memoryBytes, value, maxFileBytes, maxOpenFiles, maxOutputBytes);
  }

  public Limits withMaxFileBytes(long value) {
    return new Limits(
        cpuTime, wallTime, memoryBytes, maxProcesses, value, maxOpenFiles, maxOutputBytes);
  }

  public Limits withMaxOpenFiles(int value) {
    return new Limits(
        cpuTime, wallTime, memoryBytes, maxProcesses, maxFileBytes, value, maxOutputBytes);
  }

  public Limits withMaxOutputBytes(long value) {
    return new Limits(
        cpuTime, wallTime, memoryBytes, maxProcesses, maxFileBytes, maxOpenFiles, value);
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
