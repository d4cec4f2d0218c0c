package dev.agentos.flink.runner;

import dev.agentos.flink.LearningJobs;
import dev.agentos.flink.io.KafkaSettings;
import dev.agentos.flink.job.Checkpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every streaming learning job on one Flink MiniCluster in this process: the local default of
 * {@code ./agentos up}. Its REST endpoint (Flink's own, as on a real cluster) tells each job's
 * state; each job checkpoints under {@code checkpoints/<job>} and, when the runner starts again,
 * resumes from its newest checkpoint there.
 */
public final class LocalJobCluster implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalJobCluster.class);

  private final MiniCluster cluster;

  private LocalJobCluster(MiniCluster cluster) {
    this.cluster = cluster;
  }

  public static LocalJobCluster start(int restPort, int parallelism) throws Exception {
    Configuration config = new Configuration();
    config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    config.set(RestOptions.ADDRESS, "127.0.0.1");
    config.set(RestOptions.PORT, restPort);
    // Small, fixed budgets: the jobs keep their state on the heap, not in managed memory.
    config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("32m"));
    config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("64m"));
    config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
    int slots = LearningJobs.STREAMING.size() * parallelism;
    MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
    cluster.start();
    LOG.info("Flink MiniCluster up, REST at {}", cluster.getRestAddress().get());
    return new LocalJobCluster(cluster);
  }

  /** Submits {@code job}, resumed from its newest checkpoint under {@code checkpoints} if any. */
  public void submit(
      String job, KafkaSettings kafka, Path checkpoints, Duration interval, int parallelism)
      throws Exception {
    Path folder = checkpoints.resolve(job).toAbsolutePath();
    StreamExecutionEnvironment env = Checkpoints.environment(interval, folder.toUri());
    env.setParallelism(parallelism);
    LearningJobs.define(job, env, kafka);
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName(job);
    Optional<Path> resume = LatestCheckpoint.in(folder);
    // State of an operator a newer version no longer has (its uid is gone, e.g. the features job's
    // sliding windows, now computed from panes) must not keep the job from resuming: Flink drops it
    // and logs which; the operator that replaced it starts empty and fills as activities arrive.
    resume.ifPresent(
        checkpoint ->
            graph.setSavepointRestoreSettings(
                SavepointRestoreSettings.forPath(checkpoint.toString(), true)));
    cluster.submitJob(graph).get();
    LOG.info(
        "submitted {}{}",
        job,
        resume.map(path -> ", resumed from " + path).orElse(", from the start"));
  }

  /** Flink's REST API of this cluster. */
  public java.net.URI restAddress() throws Exception {
    return cluster.getRestAddress().get();
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
