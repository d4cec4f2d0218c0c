package dev.agentos.benchmarks;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./agentos bench executor}: what the sandbox adds (see {@link SandboxBenchmark}). */
@Command(
    name = "executor",
    description =
        "Hello world in Python and the shell, bare and in the sandbox, p50/p99 (needs no"
            + " stack; the end-to-end figures await the executor process).")
final class ExecutorCommand implements Callable<Integer> {

  @Option(
      names = "--runs",
      defaultValue = "100",
      description = "Runs of each, bare and sandboxed (default: ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() throws Exception {
    new SandboxBenchmark(runs, System.out).run();
    return 0;
  }
}
