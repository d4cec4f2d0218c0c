package dev.agentos.benchmarks;

import dev.agentos.deploy.local.LocalStack;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./agentos bench executor}: what the sandbox adds (see {@link SandboxBenchmark}), then, on
 * a running stack, the executor end to end ({@link ExecutionRoundTrip}).
 */
@Command(
    name = "executor",
    description =
        "Hello world in Python and the shell, bare and in the sandbox, p50/p99 (needs no stack);"
            + " then, when ./agentos up runs, POST /v1/executions to the outcome readable, p50/p99,"
            + " and executions/s.")
final class ExecutorCommand implements Callable<Integer> {

  @Option(
      names = "--runs",
      defaultValue = "100",
      description = "Runs of each, bare and sandboxed (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--burst",
      defaultValue = "100",
      description = "Executions requested at once for executions/s (default: ${DEFAULT-VALUE}).")
  int burst;

  @ParentCommand BenchMain bench;

  @Override
  public Integer call() throws Exception {
    new SandboxBenchmark(runs, System.out).run();
    if (!Files.isRegularFile(bench.home.resolve(LocalStack.PROPERTIES_FILE))) {
      System.out.println("end to end: no stack at " + bench.home + " (./agentos up measures it)");
      return 0;
    }
    new ExecutionRoundTrip(bench.target().agent(), System.out).run(runs, burst);
    return 0;
  }
}
