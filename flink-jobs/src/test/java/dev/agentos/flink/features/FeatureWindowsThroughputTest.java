package dev.agentos.flink.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import dev.agentos.flink.io.SourcePosition;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A rough throughput of the whole features pipeline (default windows, parallelism 2) on a generated
 * history, printed, not asserted: a measurement to compare builds by, so it runs only when asked
 * ({@code -Dfeatures.throughput=<activities>}), not in every build on a shared machine.
 */
@EnabledIfSystemProperty(named = "features.throughput", matches = "\\d+")
class FeatureWindowsThroughputTest {

  /** Four projects of four agents, each agent in a new session every half hour. */
  private static final int AGENTS = 16;

  @Test
  void printsTheActivitiesPerSecondOfTheFeaturesPipeline() throws Exception {
    long activities = Long.getLong("features.throughput");
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);
    // Spread over 100 hours, so each activity is in 24 day windows, as in a long history.
    long gapMillis = Duration.ofHours(100).toMillis() / activities;
    DataStream<Activity> input =
        env.fromSequence(0, activities - 1)
            .setParallelism(1)
            .map(i -> generated(i, gapMillis))
            .returns(TypeInformation.of(Activity.class))
            .setParallelism(1)
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Activity>forBoundedOutOfOrderness(Duration.ofMinutes(1))
                    .withTimestampAssigner((activity, previous) -> activity.eventTimeMillis()))
            .setParallelism(1);
    FeatureStreams features = FeatureWindows.apply(input);
    features.vectors().sinkTo(new DiscardingSink<>());
    features.late().sinkTo(new DiscardingSink<>());

    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long start = System.nanoTime();
    long cpuStart = os.getProcessCpuTime();
    env.execute("features throughput");
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;

    // CPU time as well as wall time: on a shared machine the wall time says more about the others.
    System.out.printf(
        "features pipeline: %d activities in %.1f s (%.0f/s), %.1f s of CPU (%.0f/CPU s),"
            + " heap used %d MB%n",
        activities,
        seconds,
        activities / seconds,
        cpuSeconds,
        activities / cpuSeconds,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    assertThat(seconds).isPositive();
  }

  /** The {@code i}th activity: agents take turns, each activity a kind the features count. */
  private static Activity generated(long i, long gapMillis) {
    long time = TestActivities.at(0) + i * gapMillis;
    int agent = (int) (i % AGENTS);
    String session = "s-" + agent + "-" + time / Duration.ofMinutes(30).toMillis();
    ActivityKind kind = ActivityKind.values()[(int) (i / AGENTS % ActivityKind.values().length)];
    Activity.Builder activity =
        Activity.builder(
            new SourcePosition("events", 0, i),
            time,
            "acme",
            "project-" + agent % 4,
            "agent-" + agent,
            session,
            kind);
    ActivityOutcome outcome = i % 5 == 0 ? ActivityOutcome.FAILED : ActivityOutcome.SUCCEEDED;
    return switch (kind) {
      case TURN -> activity.tokens(100, 10).build();
      case TOOL_CALL ->
          activity
              .toolName(i % 3 == 0 ? "bash" : "read")
              .outcome(outcome)
              .durationMs(i % 500)
              .command(i % 40, i % 7 == 0)
              .build();
      case EXECUTION_REQUESTED -> activity.command(i % 30, i % 3 == 0).build();
      case EXECUTION_COMPLETED -> activity.outcome(outcome).durationMs(i % 5_000).build();
      case SUGGESTION_PROPOSED ->
          activity.suggestionId("sug-" + i / 10).filePath("src/F" + i % 50 + ".java").build();
      case SUGGESTION_OUTCOME ->
          activity.suggestionId("sug-" + i / 10).outcome(ActivityOutcome.ACCEPTED).build();
      case VERIFICATION_COMPLETED ->
          activity.suggestionId("sug-" + i / 10).outcome(outcome).tests(5, (int) (i % 2)).build();
    };
  }
}
