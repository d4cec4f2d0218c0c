package dev.agentos.flink.prediction.training;

import dev.agentos.flink.prediction.Example;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs a bounded pipeline of examples to its end and brings every example back to this process,
 * where the models are trained, printing the {@link ReadProgress} line while it reads.
 */
public final class ExampleReplay {

  /**
   * @param examples every example the pipeline yielded, in arrival order
   * @param eventsRead what its sources read, counted by {@link CountingReads}
   */
  public record Replayed(List<Example> examples, long eventsRead) {}

  private ExampleReplay() {}

  public static Replayed run(
      StreamExecutionEnvironment env,
      DataStream<Example> examples,
      String jobName,
      PrintStream progressOut,
      Duration every)
      throws Exception {
    List<Example> collected = new ArrayList<>();
    try (CloseableIterator<Example> results = examples.collectAsync()) {
      JobClient job = env.executeAsync(jobName);
      try (ReadProgress progress = ReadProgress.start(job, progressOut, every)) {
        results.forEachRemaining(collected::add);
        JobExecutionResult result = job.getJobExecutionResult().get();
        Long read = result.getAccumulatorResult(CountingReads.ACCUMULATOR);
        long eventsRead = read == null ? 0 : read;
        progress.finish(eventsRead);
        return new Replayed(collected, eventsRead);
      }
    }
  }
}
