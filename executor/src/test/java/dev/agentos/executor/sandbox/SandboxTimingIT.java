package dev.agentos.executor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the sandbox costs: Python's hello world run bare and in the sandbox, the median of a few
 * runs each, printed for the record. The bound is loose; the figure is the point.
 */
class SandboxTimingIT {

  private static final int RUNS = 15;
  private static final String HELLO = "print('hello')";

  static SandboxFixture sandbox;

  @BeforeAll
  static void startRunner() {
    sandbox = new SandboxFixture();
  }

  @AfterAll
  static void removeWorkRoot() throws IOException {
    sandbox.close();
  }

  @Test
  void pythonHelloWorldCostsLittleMoreInTheSandbox() throws Exception {
    List<Duration> bare = new ArrayList<>();
    List<Duration> sandboxed = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      bare.add(bare());
      long start = System.nanoTime();
      SandboxResult result = sandbox.runner.run(sandbox.python.request(HELLO, Limits.defaults()));
      sandboxed.add(Duration.ofNanos(System.nanoTime() - start));
      assertThat(result.succeeded()).as("%s", result).isTrue();
    }
    Duration bareMedian = median(bare);
    Duration sandboxMedian = median(sandboxed);
    SandboxResult one = sandbox.runner.run(sandbox.python.request(HELLO, Limits.defaults()));
    System.out.printf(
        "python hello world: cpu %s, peak memory %s bytes%n", one.cpuTime(), one.peakMemoryBytes());
    System.out.printf(
        "python hello world, p50 of %d: bare %d ms, in the sandbox %d ms (%s)%n",
        RUNS,
        bareMedian.toMillis(),
        sandboxMedian.toMillis(),
        sandbox.runner.isolation().description());

    assertThat(sandboxMedian).isLessThan(bareMedian.plus(Duration.ofSeconds(1)));
  }

  private Duration bare() throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(sandbox.python.executable().toString(), "-c", HELLO)
            .redirectErrorStream(true)
            .start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor()).isZero();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static Duration median(List<Duration> durations) {
    List<Duration> sorted = new ArrayList<>(durations);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
