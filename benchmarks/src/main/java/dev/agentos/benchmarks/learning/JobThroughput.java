package dev.agentos.benchmarks.learning;

import dev.agentos.benchmarks.PlainConsumer;
import dev.agentos.flink.LearningJobs;
import dev.agentos.flink.io.KafkaJobIo;
import dev.agentos.flink.io.KafkaSettings;
import dev.agentos.flink.io.TopicCopies;
import dev.agentos.flink.job.Checkpoints;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A learning job replayed over the bench topics as a bounded run on a MiniCluster in this process,
 * with everything it does live: registry decoding, event time, state, exactly-once sinks committed
 * on checkpoints (every second, as {@code ./agentos up} runs them). Its records/s is set against a
 * plain consumer reading and decoding the same topics just before.
 */
final class JobThroughput {

  /** The live jobs' checkpoint interval. */
  private static final Duration CHECKPOINTS = Duration.ofSeconds(1);

  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  private final KafkaSettings kafka;
  private final TopicCopies topics;
  private final PlainConsumer plainConsumer;
  private final int parallelism;
  private final PrintStream out;

  JobThroughput(KafkaSettings kafka, TopicCopies topics, int parallelism, PrintStream out) {
    this.kafka = kafka.boundedToEnd();
    this.topics = topics;
    this.plainConsumer = new PlainConsumer(kafka.bootstrapServers(), kafka.registryUrl());
    this.parallelism = parallelism;
    this.out = out;
  }

  /** The job's and its baseline's figures. */
  private record Figures(PlainConsumer.Read plain, double jobSeconds) {

    double jobPerSecond() {
      return plain.records() / jobSeconds;
    }

    double ratio() {
      return jobPerSecond() / plain.perSecond();
    }
  }

  /** Replays {@code job} and its baseline and prints both. */
  void measure(String job) throws Exception {
    Path checkpoints = Files.createTempDirectory("agentos-bench-" + job + "-");
    StreamExecutionEnvironment env = Checkpoints.environment(CHECKPOINTS, checkpoints.toUri());
    env.setParallelism(parallelism);
    TopicsRead io = new TopicsRead(new KafkaJobIo(job, kafka, topics::nameOf));
    LearningJobs.define(job, env, kafka, io);
    List<String> read = io.names().stream().map(topics::nameOf).toList();
    out.println(job + ":");
    // Twice: the first read pays for the JIT compiling the decoder, which the job would not.
    plainConsumer.readAll(read, NOWHERE);
    PlainConsumer.Read plain = plainConsumer.readAll(read, out);
    long started = System.nanoTime();
    env.execute("bench " + job);
    Figures figures = new Figures(plain, (System.nanoTime() - started) / 1e9);
    out.printf(
        Locale.ROOT,
        "  %s at parallelism %d read them in %.1f s: %,.0f records/s, %.2f of the plain"
            + " consumer's; heap %d MiB%n",
        job,
        parallelism,
        figures.jobSeconds(),
        figures.jobPerSecond(),
        figures.ratio(),
        heapMiB());
  }

  static long heapMiB() {
    Runtime runtime = Runtime.getRuntime();
    return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
  }
}
