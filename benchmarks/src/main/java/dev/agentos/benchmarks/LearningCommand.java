package dev.agentos.benchmarks;

import dev.agentos.benchmarks.learning.LearningBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./agentos bench learning}: the learning jobs' speed (see {@link LearningBenchmark}). */
@Command(
    name = "learning",
    description =
        "The error-patterns and features jobs replayed over a generated history vs a plain"
            + " consumer; retraining on it, to a trained model; a new failure to its pattern"
            + " readable over HTTP, p50/p99.")
final class LearningCommand implements Callable<Integer> {
  @ParentCommand BenchMain bench;

  @Option(
      names = "--events",
      defaultValue = "1000000",
      description = "Events in the generated history (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(
      names = "--parallelism",
      defaultValue = "2",
      description = "Of the replayed jobs and the retraining (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(
      names = "--probes",
      defaultValue = "100",
      description = "Failures whose pattern latency is measured (default: ${DEFAULT-VALUE}).")
  int probes;

  @Override
  public Integer call() throws Exception {
    BenchTarget target = bench.target();
    new LearningBenchmark(target.stack(), target.agent(), events, parallelism, probes, System.out)
        .run();
    return 0;
  }
}
