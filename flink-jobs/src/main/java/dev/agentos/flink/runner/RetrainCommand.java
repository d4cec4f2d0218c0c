package dev.agentos.flink.runner;

import dev.agentos.flink.io.KafkaJobIo;
import dev.agentos.flink.io.KafkaSettings;
import dev.agentos.flink.prediction.Example;
import dev.agentos.flink.prediction.RequestFeatures;
import dev.agentos.flink.prediction.TrainingExamples;
import dev.agentos.flink.prediction.model.ModelArtifacts;
import dev.agentos.flink.prediction.training.CountingReads;
import dev.agentos.flink.prediction.training.ExampleReplay;
import dev.agentos.flink.prediction.training.ExampleWindow;
import dev.agentos.flink.prediction.training.MetricsTable;
import dev.agentos.flink.prediction.training.ModelEventPublisher;
import dev.agentos.flink.prediction.training.Retraining;
import dev.agentos.flink.prediction.training.TrainingOutcome;
import dev.agentos.schemas.topics.Topics;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retrain}: replays the whole history from Kafka as a bounded job, builds the training
 * examples as they were known at the time, trains each tenant's model of each target, stores them
 * under {@code --models} and announces each on the models topic. Exits 1 only when no model could
 * be trained.
 */
@Command(
    name = "retrain",
    description =
        "Replays the history, trains each tenant's prediction models, stores them and publishes"
            + " ModelTrained.")
final class RetrainCommand implements Callable<Integer> {

  static final String JOB = "retrain";

  /** Accumulators reach the driver with heartbeats: often enough for a live progress line. */
  private static final Duration HEARTBEAT = Duration.ofSeconds(1);

  @Option(names = "--bootstrap-servers", required = true, description = "Kafka.")
  String bootstrapServers;

  @Option(names = "--registry-url", required = true, description = "The schema registry.")
  String registryUrl;

  @Option(names = "--models", required = true, description = "Folder of the model artifacts.")
  Path models;

  @Option(
      names = "--from",
      description = "Train on examples requested at or after this instant (ISO-8601).")
  Instant from;

  @Option(names = "--to", description = "...and before this instant (ISO-8601).")
  Instant to;

  @Option(names = "--tenant", description = "Only this tenant's models.")
  String tenant;

  @Option(names = "--parallelism", defaultValue = "1", description = "Of the replay.")
  int parallelism;

  @Override
  public Integer call() throws Exception {
    ExampleWindow window = new ExampleWindow(from, to, tenant);
    Configuration config = new Configuration();
    config.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, HEARTBEAT);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(parallelism);
    KafkaSettings kafka = KafkaSettings.streaming(bootstrapServers, registryUrl).boundedToEnd();
    CountingReads io =
        new CountingReads(new KafkaJobIo(TrainingExamples.NAME, kafka), TrainingExamples.NAME);
    DataStream<Example> examples =
        TrainingExamples.define(env, io)
            .filter(window)
            .name(JOB + ": examples in the window")
            .uid(JOB + "-window");
    ExampleReplay.Replayed replayed =
        ExampleReplay.run(env, examples, JOB, System.err, Duration.ofSeconds(1));
    System.out.printf("%,d examples%s%n", replayed.examples().size(), describe(window));
    List<Retraining.Result> results;
    try (ModelEventPublisher publisher = new ModelEventPublisher(bootstrapServers, registryUrl)) {
      results =
          new Retraining(
                  new ModelArtifacts(models, new SecureRandom()),
                  publisher::publish,
                  Clock.systemUTC(),
                  RequestFeatures.VERSION,
                  RequestFeatures.NAMES)
              .trainAll(replayed.examples());
    }
    if (results.isEmpty()) {
      System.out.println("no model to train: the history holds no labelled example");
      return 1;
    }
    System.out.print(MetricsTable.of(results));
    long trained =
        results.stream().filter(r -> r.outcome() instanceof TrainingOutcome.Trained).count();
    System.out.printf(
        "%d of %d models trained, stored under %s and published to %s%n",
        trained, results.size(), models.toAbsolutePath(), Topics.MODELS.name());
    return trained > 0 ? 0 : 1;
  }

  private static String describe(ExampleWindow window) {
    return (window.tenantId() == null ? "" : " of tenant " + window.tenantId())
        + (window.from() == null ? "" : " from " + window.from())
        + (window.to() == null ? "" : " until " + window.to());
  }
}
