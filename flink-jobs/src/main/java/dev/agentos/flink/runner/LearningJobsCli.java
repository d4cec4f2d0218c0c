package dev.agentos.flink.runner;

import dev.agentos.flink.LearningJobs;
import dev.agentos.flink.io.KafkaSettings;
import dev.agentos.flink.job.Checkpoints;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the learning jobs: {@code local} runs them all on a MiniCluster in this process (what {@code
 * ./agentos up} starts); {@code run --job <name>} submits one job to whatever Flink runs this jar
 * ({@code flink run}, a session cluster, the Kubernetes operator); {@code retrain} replays the
 * history and trains the prediction models ({@link RetrainCommand}).
 */
@Command(
    name = "learning-jobs",
    mixinStandardHelpOptions = true,
    subcommands = {
      LearningJobsCli.Local.class,
      LearningJobsCli.Run.class,
      RetrainCommand.class,
      PromoteCommand.class
    })
public final class LearningJobsCli {

  public static void main(String[] args) {
    System.exit(new CommandLine(new LearningJobsCli()).execute(args));
  }

  /** Where Kafka and the registry are, and how the jobs checkpoint. */
  static final class Connection {

    @Option(names = "--bootstrap-servers", required = true, description = "Kafka.")
    String bootstrapServers;

    @Option(names = "--registry-url", required = true, description = "The schema registry.")
    String registryUrl;

    @Option(
        names = "--checkpoint-interval",
        defaultValue = "PT1S",
        description =
            "How often jobs checkpoint, ISO-8601; derived events become readable at each"
                + " checkpoint (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(
        names = "--parallelism",
        description = "Per job; default: 1 locally, the cluster's default on a cluster.")
    Integer parallelism;

    KafkaSettings kafka() {
      return KafkaSettings.streaming(bootstrapServers, registryUrl);
    }
  }

  @Command(
      name = "local",
      description = "Runs every streaming job on a MiniCluster, until stopped.")
  static final class Local implements Callable<Integer> {

    @Mixin Connection connection;

    @Option(names = "--checkpoints", required = true, description = "Folder for checkpoints.")
    Path checkpoints;

    @Option(names = "--rest-port", defaultValue = "8081", description = "Flink's REST API.")
    int restPort;

    @Override
    public Integer call() throws Exception {
      int parallelism = connection.parallelism == null ? 1 : connection.parallelism;
      try (LocalJobCluster cluster = LocalJobCluster.start(restPort, parallelism)) {
        for (String job : LearningJobs.STREAMING) {
          cluster.submit(
              job, connection.kafka(), checkpoints, connection.checkpointInterval, parallelism);
        }
        new CountDownLatch(1).await(); // until the process is stopped
      }
      return 0;
    }
  }

  /** {@code <checkpoints>/<job>/}, whether or not the URI ends in a slash. */
  static URI folderOf(URI checkpoints, String job) {
    String base = checkpoints.toString();
    return URI.create(base + (base.endsWith("/") ? "" : "/") + job + "/");
  }

  @Command(name = "run", description = "Submits one job to the Flink this jar runs on.")
  static final class Run implements Callable<Integer> {

    @Mixin Connection connection;

    @Option(names = "--job", required = true, description = "One of the streaming jobs.")
    String job;

    @Option(
        names = "--checkpoints",
        required = true,
        description = "Checkpoint storage URI, e.g. s3://bucket/agentos or file:///data/ckpt.")
    URI checkpoints;

    @Override
    public Integer call() throws Exception {
      StreamExecutionEnvironment env =
          Checkpoints.environment(connection.checkpointInterval, folderOf(checkpoints, job));
      if (connection.parallelism != null) {
        env.setParallelism(connection.parallelism); // else the cluster's own default
      }
      LearningJobs.define(job, env, connection.kafka());
      env.execute(job);
      return 0;
    }
  }
}
