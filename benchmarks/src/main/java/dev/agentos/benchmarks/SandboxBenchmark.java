package dev.agentos.benchmarks;

import dev.agentos.executor.sandbox.BubblewrapRunner;
import dev.agentos.executor.sandbox.Language;
import dev.agentos.executor.sandbox.Limits;
import dev.agentos.executor.sandbox.Runtime;
import dev.agentos.executor.sandbox.Runtimes;
import dev.agentos.executor.sandbox.SandboxResult;
import dev.agentos.executor.sandbox.SandboxRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What the sandbox adds to a short program: hello world in Python and in the shell, run bare (the
 * same argv in a folder holding the file) and in the sandbox, alternately, in one process: the
 * baseline of the end-to-end figures ({@link ExecutionRoundTrip}).
 */
final class SandboxBenchmark {

  private static final int WARM_UP = 5;
  private static final Map<Language, String> HELLO =
      Map.of(Language.PYTHON, "print('hello')\n", Language.SHELL, "echo hello\n");

  private final int runs;
  private final PrintStream out;

  SandboxBenchmark(int runs, PrintStream out) {
    this.runs = runs;
    this.out = out;
  }

  void run() throws Exception {
    Path workRoot = Files.createTempDirectory("agentos-bench-sandbox-");
    // As the executor runs (cgroups where it may create them), then with rlimits alone, as on a
    // machine that delegates no cgroups: what a run's cgroups cost.
    for (SandboxRunner runner :
        List.of(
            BubblewrapRunner.onThisMachine(workRoot, true),
            BubblewrapRunner.onThisMachine(workRoot, false))) {
      out.println("sandbox: " + runner.isolation().description());
      for (Runtime runtime : Runtimes.detect()) {
        String source = HELLO.get(runtime.language());
        if (source != null) {
          measure(runner, runtime, source, Limits.defaults());
        }
      }
    }
    Files.delete(workRoot); // each run's folder in it is gone already
  }

  private void measure(SandboxRunner runner, Runtime runtime, String source, Limits limits)
      throws Exception {
    Path bareFolder = Files.createTempDirectory("agentos-bench-bare-");
    Files.writeString(bareFolder.resolve(runtime.language().sourceFile()), source);
    List<String> argv = runtime.command(limits);
    Histogram bare = new Histogram(3);
    Histogram sandboxed = new Histogram(3);
    for (int i = -WARM_UP; i < runs; i++) {
      long started = System.nanoTime();
      runBare(argv, bareFolder);
      long bareMicros = (System.nanoTime() - started) / 1_000;
      started = System.nanoTime();
      SandboxResult result = runner.run(runtime.request(source, limits));
      long sandboxMicros = (System.nanoTime() - started) / 1_000;
      if (!result.succeeded()) {
        throw new IllegalStateException(runtime.version() + " failed in the sandbox: " + result);
      }
      if (i >= 0) {
        bare.recordValue(bareMicros);
        sandboxed.recordValue(sandboxMicros);
      }
    }
    out.printf(
        Locale.ROOT,
        "%-16s hello world, %d runs: bare p50 %.1f ms p99 %.1f ms; sandboxed p50 %.1f ms p99 %.1f"
            + " ms; added at p50 %.1f ms%n",
        runtime.version(),
        runs,
        bare.getValueAtPercentile(50) / 1000.0,
        bare.getValueAtPercentile(99) / 1000.0,
        sandboxed.getValueAtPercentile(50) / 1000.0,
        sandboxed.getValueAtPercentile(99) / 1000.0,
        (sandboxed.getValueAtPercentile(50) - bare.getValueAtPercentile(50)) / 1000.0);
    Files.delete(bareFolder.resolve(runtime.language().sourceFile()));
    Files.delete(bareFolder);
  }

  private static void runBare(List<String> argv, Path folder)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(argv).directory(folder.toFile()).start();
    process.getInputStream().readAllBytes();
    process.getErrorStream().readAllBytes();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(argv + " failed bare");
    }
  }
}
