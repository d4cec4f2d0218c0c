package dev.agentos.executor.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a run ended and what it wrote.
 *
 * @param exitCode the sandbox's exit code: the program's own, or 128 + the signal that ended it
 * @param outcome whether it exited by itself or which limit stopped it
 * @param wallTime from the sandbox's start to its end
 * @param cpuTime CPU time used, where the isolation measures it (a cgroup does; rlimits do not)
 * @param peakMemoryBytes the most memory used at once, where the isolation measures it
 * @param stdout the start of its standard output
 * @param stderr the start of its standard error
 * @param collected the files the request asked to collect that the run left, by path relative to
 *     the work folder; a path the run did not write is absent
 */
public record SandboxResult(
    int exitCode,
    Outcome outcome,
    Duration wallTime,
    Optional<Duration> cpuTime,
    OptionalLong peakMemoryBytes,
    OutputExcerpt stdout,
    OutputExcerpt stderr,
    Map<String, CollectedFile> collected) {

  public SandboxResult {
    collected = Map.copyOf(collected);
  }

  /** A result with no collected files. */
  public SandboxResult(
      int exitCode,
      Outcome outcome,
      Duration wallTime,
      Optional<Duration> cpuTime,
      OptionalLong peakMemoryBytes,
      OutputExcerpt stdout,
      OutputExcerpt stderr) {
    this(exitCode, outcome, wallTime, cpuTime, peakMemoryBytes, stdout, stderr, Map.of());
  }

  SandboxResult withCollected(Map<String, CollectedFile> files) {
    return new SandboxResult(
        exitCode, outcome, wallTime, cpuTime, peakMemoryBytes, stdout, stderr, files);
  }

  /** Whether the wall-time limit ended the run. */
  public boolean timedOut() {
    return outcome == Outcome.WALL_TIME;
  }

  /** Whether the program exited by itself with 0. */
  public boolean succeeded() {
    return outcome == Outcome.EXITED && exitCode == 0;
  }
}
