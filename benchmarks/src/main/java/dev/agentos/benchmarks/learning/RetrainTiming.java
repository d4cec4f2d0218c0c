package dev.agentos.benchmarks.learning;

import dev.agentos.flink.io.KafkaJobIo;
import dev.agentos.flink.io.KafkaSettings;
import dev.agentos.flink.io.TopicCopies;
import dev.agentos.flink.prediction.RequestFeatures;
import dev.agentos.flink.prediction.TrainingExamples;
import dev.agentos.flink.prediction.model.ModelArtifacts;
import dev.agentos.flink.prediction.training.CountingReads;
import dev.agentos.flink.prediction.training.ExampleReplay;
import dev.agentos.flink.prediction.training.MetricsTable;
import dev.agentos.flink.prediction.training.Retraining;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What {@code ./agentos retrain} does, over the bench topics: the bounded replay that builds the
 * training examples as they were known at the time, then training, evaluation and storing of each
 * model. The announcements are kept here, not published: the bench tenant's models are nobody's.
 */
final class RetrainTiming {

  private final KafkaSettings kafka;
  private final TopicCopies topics;
  private final int parallelism;
  private final PrintStream out;

  RetrainTiming(KafkaSettings kafka, TopicCopies topics, int parallelism, PrintStream out) {
    this.kafka = kafka.boundedToEnd();
    this.topics = topics;
    this.parallelism = parallelism;
    this.out = out;
  }

  void measure() throws Exception {
    Configuration config = new Configuration();
    config.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(parallelism);
    CountingReads io =
        new CountingReads(
            new KafkaJobIo(TrainingExamples.NAME, kafka, topics::nameOf), TrainingExamples.NAME);
    out.println("retrain:");
    long started = System.nanoTime();
    ExampleReplay.Replayed replayed =
        ExampleReplay.run(
            env, TrainingExamples.define(env, io), "bench retrain", out, Duration.ofSeconds(5));
    double replaySeconds = (System.nanoTime() - started) / 1e9;
    Path models = Files.createTempDirectory("agentos-bench-models-");
    List<Retraining.Result> results =
        new Retraining(
                new ModelArtifacts(models, new SecureRandom()),
                trained -> {},
                Clock.systemUTC(),
                RequestFeatures.VERSION,
                RequestFeatures.NAMES)
            .trainAll(replayed.examples());
    double totalSeconds = (System.nanoTime() - started) / 1e9;
    out.print(MetricsTable.of(results));
    out.printf(
        Locale.ROOT,
        "  replay read %,d events in %.1f s (%,.0f events/s) into %,d examples; trained, evaluated"
            + " and stored %.1f s later: %.1f s to a trained model; heap %d MiB%n",
        replayed.eventsRead(),
        replaySeconds,
        replayed.eventsRead() / replaySeconds,
        replayed.examples().size(),
        totalSeconds - replaySeconds,
        totalSeconds,
        JobThroughput.heapMiB());
  }
}
