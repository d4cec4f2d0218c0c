package dev.agentos.flink.job;

import java.net.URI;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * How every learning job checkpoints: exactly once, to a folder (or a bucket) that outlives the
 * job, kept when the job is cancelled so it can restart where it stopped. The exactly-once sinks
 * commit their transactions with each checkpoint, so the interval is also how long a derived event
 * waits before readers can see it.
 */
public final class Checkpoints {

  private Checkpoints() {}

  public static StreamExecutionEnvironment environment(Duration interval, URI storage) {
    Configuration config = new Configuration();
    config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, storage.toString());
    config.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.enableCheckpointing(interval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
    return env;
  }
}
