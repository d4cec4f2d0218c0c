package dev.agentos.flink.features;

import static dev.agentos.flink.features.ActivityOutcome.ACCEPTED;
import static dev.agentos.flink.features.ActivityOutcome.FAILED;
import static dev.agentos.flink.features.ActivityOutcome.SUCCEEDED;
import static dev.agentos.flink.features.TestActivities.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.FeatureVectorComputed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The feature windows on Flink's in-JVM MiniCluster: windows of 1 h, and of 2 h every hour (the
 * default day window would give 24 vectors per activity). The input comes from one source subtask
 * with a watermark after every activity, so what is late is decided, not raced; the windows run on
 * two subtasks, so entities are spread over both.
 */
class FeatureWindowsTest {

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final FeatureWindowSettings WINDOWS =
      new FeatureWindowSettings(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(1));

  private final TestActivities acmeA1 = new TestActivities("acme", "web", "a1", 0);
  private final TestActivities acmeA2 = new TestActivities("acme", "web", "a2", 1_000);
  // Same project, agent and session ids as acme's, in another tenant.
  private final TestActivities globexA1 = new TestActivities("globex", "web", "a1", 2_000);

  @Test
  void eachEntityGetsAVectorPerWindowItHadActivityIn() throws Exception {
    List<String> windows = run(twoHours()).stream().map(FeatureWindowsTest::describe).toList();

    assertThat(windows)
        .containsExactlyInAnyOrder(
            "AGENT acme/web/a1 1h@60",
            "AGENT acme/web/a1 1h@120",
            "AGENT acme/web/a1 2h@60",
            "AGENT acme/web/a1 2h@120",
            "AGENT acme/web/a1 2h@180",
            "AGENT acme/web/a2 1h@120",
            "AGENT acme/web/a2 2h@120",
            "AGENT acme/web/a2 2h@180",
            "AGENT globex/web/a1 1h@60",
            "AGENT globex/web/a1 2h@60",
            "AGENT globex/web/a1 2h@120",
            "PROJECT acme/web 1h@60",
            "PROJECT acme/web 1h@120",
            "PROJECT acme/web 2h@60",
            "PROJECT acme/web 2h@120",
            "PROJECT acme/web 2h@180",
            "PROJECT globex/web 1h@60",
            "PROJECT globex/web 2h@60",
            "PROJECT globex/web 2h@120",
            "SESSION acme/web/s1 1h@60",
            "SESSION acme/web/s1 1h@120",
            "SESSION acme/web/s1 2h@60",
            "SESSION acme/web/s1 2h@120",
            "SESSION acme/web/s1 2h@180",
            "SESSION acme/web/s2 1h@120",
            "SESSION acme/web/s2 2h@120",
            "SESSION acme/web/s2 2h@180",
            "SESSION globex/web/s1 1h@60",
            "SESSION globex/web/s1 2h@60",
            "SESSION globex/web/s1 2h@120");
  }

  @Test
  void sessionVectorOfTheFirstHour() throws Exception {
    FeatureVectorComputed vector = find(run(twoHours()), "SESSION", "acme/web/s1", "1h", 60);

    assertThat(features(vector))
        .containsExactly(
            entry("execution.count.1h", 2.0),
            entry("execution.success.rate.1h", 0.5),
            entry("execution.duration.p50.ms.1h", 100.0),
            entry("execution.duration.p95.ms.1h", 300.0),
            entry("execution.retry.count.1h", 1.0),
            entry("tool.call.count.1h", 1.0),
            entry("tool.error.rate.1h", 0.0),
            entry("tool.repeat.count.1h", 0.0),
            entry("tool.distinct.count.1h", 1.0),
            entry("suggestion.count.1h", 0.0),
            entry("suggestion.file.count.1h", 0.0),
            entry("suggestion.outcome.count.1h", 1.0),
            entry("suggestion.acceptance.rate.1h", 1.0),
            entry("suggestion.edit.rate.1h", 0.0),
            entry("verification.count.1h", 0.0),
            entry("verification.flipped.count.1h", 0.0),
            entry("tokens.input.sum.1h", 1_000.0),
            entry("tokens.output.sum.1h", 100.0),
            entry("session.early.test.share.1h", 1.0 / 3),
            entry("tool.bash.calls.1h", 1.0));
    EventHeader header = vector.getHeader();
    assertThat(header.getTenantId()).isEqualTo("acme");
    assertThat(header.getProjectId()).isEqualTo("web");
    assertThat(header.getAgentId()).isEqualTo("a1");
    assertThat(header.getSessionId()).isEqualTo("s1");
    assertThat(header.getSource()).isEqualTo("flink:features");
    assertThat(header.getOccurredAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(header.getEventId())
        .isEqualTo(
            idOf("SESSION|acme/web/s1|3600000|" + T0.plus(Duration.ofHours(1)).toEpochMilli()));
    assertThat(vector.getAsOf()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(vector.getFeatureSetVersion()).isEqualTo("v1");
  }

  @Test
  void sessionVectorOverTwoHours() throws Exception {
    FeatureVectorComputed vector = find(run(twoHours()), "SESSION", "acme/web/s1", "2h", 120);

    assertThat(features(vector))
        .containsExactly(
            entry("execution.count.2h", 2.0),
            entry("execution.success.rate.2h", 0.5),
            entry("execution.duration.p50.ms.2h", 100.0),
            entry("execution.duration.p95.ms.2h", 300.0),
            entry("execution.retry.count.2h", 1.0),
            entry("tool.call.count.2h", 2.0),
            entry("tool.error.rate.2h", 0.5),
            entry("tool.repeat.count.2h", 0.0),
            entry("tool.distinct.count.2h", 2.0),
            entry("suggestion.count.2h", 1.0),
            entry("suggestion.file.count.2h", 1.0),
            entry("suggestion.outcome.count.2h", 1.0),
            entry("suggestion.acceptance.rate.2h", 1.0),
            entry("suggestion.edit.rate.2h", 0.0),
            entry("verification.count.2h", 2.0),
            entry("verification.pass.rate.2h", 0.5),
            entry("verification.test.pass.rate.2h", 17.0 / 18),
            entry("verification.flipped.count.2h", 1.0),
            entry("tokens.input.sum.2h", 1_000.0),
            entry("tokens.output.sum.2h", 100.0),
            entry("session.early.test.share.2h", 1.0 / 4),
            entry("tool.bash.calls.2h", 1.0),
            entry("tool.read.calls.2h", 1.0));
    assertThat(vector.getHeader().getEventId())
        .isEqualTo(
            idOf("SESSION|acme/web/s1|7200000|" + T0.plus(Duration.ofHours(2)).toEpochMilli()));
  }

  @Test
  void projectAndAgentVectorsCoverTheirAgentsAndSessions() throws Exception {
    List<FeatureVectorComputed> vectors = run(twoHours());
    FeatureVectorComputed project = find(vectors, "PROJECT", "acme/web", "2h", 120);
    FeatureVectorComputed agentA2 = find(vectors, "AGENT", "acme/web/a2", "1h", 120);

    assertThat(features(project))
        .containsEntry("execution.count.2h", 3.0)
        .containsEntry("execution.success.rate.2h", 2.0 / 3)
        .containsEntry("execution.duration.p50.ms.2h", 100.0)
        .containsEntry("execution.duration.p95.ms.2h", 300.0);
    assertThat(project.getHeader().getAgentId()).isEqualTo("flink");
    assertThat(project.getHeader().getSessionId()).isNull();
    assertThat(features(agentA2))
        .containsEntry("execution.count.1h", 1.0)
        .containsEntry("execution.duration.p50.ms.1h", 50.0);
    assertThat(agentA2.getHeader().getAgentId()).isEqualTo("a2");
    assertThat(agentA2.getHeader().getSessionId()).isNull();
  }

  @Test
  void sameSessionIdInAnotherTenantIsAnotherSession() throws Exception {
    FeatureVectorComputed globex = find(run(twoHours()), "SESSION", "globex/web/s1", "1h", 60);

    assertThat(globex.getHeader().getTenantId()).isEqualTo("globex");
    assertThat(features(globex))
        .containsExactly(
            entry("execution.count.1h", 1.0),
            entry("execution.success.rate.1h", 1.0),
            entry("execution.duration.p50.ms.1h", 500.0),
            entry("execution.duration.p95.ms.1h", 500.0),
            entry("execution.retry.count.1h", 0.0),
            entry("tool.call.count.1h", 0.0),
            entry("tool.repeat.count.1h", 0.0),
            entry("tool.distinct.count.1h", 0.0),
            entry("suggestion.count.1h", 0.0),
            entry("suggestion.file.count.1h", 0.0),
            entry("suggestion.outcome.count.1h", 0.0),
            entry("verification.count.1h", 0.0),
            entry("verification.flipped.count.1h", 0.0),
            entry("tokens.input.sum.1h", 10.0),
            entry("tokens.output.sum.1h", 1.0));
  }

  @Test
  void sameInputTwiceGivesTheSameVectorsIdsIncluded() throws Exception {
    Comparator<FeatureVectorComputed> byId = Comparator.comparing(v -> v.getHeader().getEventId());
    List<FeatureVectorComputed> first = new ArrayList<>(run(twoHours()));
    List<FeatureVectorComputed> second = new ArrayList<>(run(twoHours()));
    first.sort(byId);
    second.sort(byId);

    assertThat(second).isEqualTo(first);
    assertThat(first).extracting(v -> v.getHeader().getEventId()).doesNotHaveDuplicates();
  }

  @Test
  void activitiesBehindTheWatermarkGoToLateOnceAndCountOnlyInWindowsStillOpen() throws Exception {
    Activity onTime = acmeA1.completed("s1", 10, SUCCEEDED, 10);
    Activity later = acmeA1.completed("s1", 190, SUCCEEDED, 20);
    Activity lateForAll = acmeA1.completed("s1", 20, SUCCEEDED, 30);
    Activity lateForTheHour = acmeA1.completed("s1", 150, SUCCEEDED, 40);

    StreamExecutionEnvironment env = environment();
    FeatureStreams streams =
        FeatureWindows.apply(
            input(env, List.of(onTime, later, lateForAll, lateForTheHour)), WINDOWS);
    CloseableIterator<FeatureVectorComputed> vectorIterator = streams.vectors().collectAsync();
    CloseableIterator<Activity> lateIterator = streams.late().collectAsync();
    env.executeAsync("features late");
    List<FeatureVectorComputed> vectors = drain(vectorIterator);

    assertThat(drain(lateIterator)).containsExactly(lateForAll, lateForTheHour);
    assertThat(
            vectors.stream()
                .filter(v -> v.getEntityType().name().equals("PROJECT"))
                .map(FeatureWindowsTest::describe)
                .sorted())
        .containsExactly(
            "PROJECT acme/web 1h@240",
            "PROJECT acme/web 1h@60",
            "PROJECT acme/web 2h@120",
            "PROJECT acme/web 2h@240",
            "PROJECT acme/web 2h@300",
            "PROJECT acme/web 2h@60");
    assertThat(features(find(vectors, "PROJECT", "acme/web", "2h", 120)))
        .containsEntry("execution.count.2h", 1.0)
        .containsEntry("execution.duration.p50.ms.2h", 10.0);
    assertThat(features(find(vectors, "PROJECT", "acme/web", "2h", 240)))
        .containsEntry("execution.count.2h", 2.0)
        .containsEntry("execution.duration.p50.ms.2h", 20.0)
        .containsEntry("execution.duration.p95.ms.2h", 40.0);
  }

  @Test
  void everyOperatorIsNamedAndHasAStableUid() {
    StreamExecutionEnvironment env = environment();
    FeatureStreams streams = FeatureWindows.apply(input(env, twoHours()));
    streams.vectors().sinkTo(new DiscardingSink<>());
    streams.late().sinkTo(new DiscardingSink<>());

    Map<String, String> uidsByName = new LinkedHashMap<>();
    for (StreamNode node : env.getStreamGraph().getStreamNodes()) {
      if (node.getOperatorName().startsWith("features")) {
        uidsByName.put(node.getOperatorName(), node.getTransformationUID());
      }
    }

    assertThat(uidsByName)
        .containsOnly(
            entry("features: activities in a session", "features-in-session"),
            entry("features: project 1h", "features-project-tumbling"),
            entry("features: project 24h", "features-project-sliding-panes"),
            entry("features: agent 1h", "features-agent-tumbling"),
            entry("features: agent 24h", "features-agent-sliding-panes"),
            entry("features: session 1h", "features-session-tumbling"),
            entry("features: session 24h", "features-session-sliding-panes"));
  }

  /**
   * Two hours of acme (agent a1 in session s1, agent a2 in session s2) and, in the first hour, a
   * session of globex with acme's project, agent and session ids; in time order.
   */
  private List<Activity> twoHours() {
    return List.of(
        acmeA1.turn("s1", 2, 1_000, 100),
        acmeA1.testToolCall("s1", 3, 9L),
        acmeA1.requested("s1", 5, 1L, false),
        acmeA1.completed("s1", 6, SUCCEEDED, 100),
        acmeA1.requested("s1", 10, 1L, false),
        acmeA1.completed("s1", 11, FAILED, 300),
        acmeA1.outcome("s1", 20, "sug-0", ACCEPTED),
        globexA1.completed("s1", 30, SUCCEEDED, 500),
        globexA1.turn("s1", 31, 10, 1),
        acmeA1.proposed("s1", 65, "sug-1", "src/A.java"),
        acmeA1.toolCall("s1", 70, "read", FAILED, 10L),
        acmeA1.verified("s1", 75, "sug-1", SUCCEEDED, 9, 0),
        acmeA1.verified("s1", 80, "sug-1", FAILED, 8, 1),
        acmeA2.completed("s2", 90, SUCCEEDED, 50));
  }

  private List<FeatureVectorComputed> run(List<Activity> activities) throws Exception {
    StreamExecutionEnvironment env = environment();
    DataStream<FeatureVectorComputed> vectors =
        FeatureWindows.apply(input(env, activities), WINDOWS).vectors();
    return drain(vectors.executeAndCollect("features"));
  }

  /** Kryo switched off: a type Flink does not know (in an activity, key or window state) fails. */
  private static StreamExecutionEnvironment environment() {
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);
    return env;
  }

  /** The activities in order from one subtask, each followed by a watermark just behind it. */
  private static DataStream<Activity> input(
      StreamExecutionEnvironment env, List<Activity> activities) {
    WatermarkStrategy<Activity> everyActivity =
        WatermarkStrategy.<Activity>forGenerator(context -> new BehindEachActivity())
            .withTimestampAssigner((activity, previous) -> activity.eventTimeMillis());
    return env.fromData(activities, TypeInformation.of(Activity.class))
        .setParallelism(1)
        .assignTimestampsAndWatermarks(everyActivity)
        .setParallelism(1);
  }

  /** Punctuated: the watermark moves on with each activity, not on a processing-time timer. */
  private static final class BehindEachActivity implements WatermarkGenerator<Activity> {
    private long latest = Long.MIN_VALUE;

    @Override
    public void onEvent(Activity activity, long timestamp, WatermarkOutput output) {
      latest = Math.max(latest, timestamp);
      output.emitWatermark(new Watermark(latest - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  private static <T> List<T> drain(CloseableIterator<T> iterator) throws Exception {
    List<T> items = new ArrayList<>();
    try (iterator) {
      iterator.forEachRemaining(items::add);
    }
    return items;
  }

  /** Entity, id, window size (from the features' suffix) and end in minutes after T0. */
  private static String describe(FeatureVectorComputed vector) {
    String firstName = vector.getFeatureNames().get(0);
    String window = firstName.substring(firstName.lastIndexOf('.') + 1);
    long endMinutes = Duration.between(T0, vector.getAsOf()).toMinutes();
    return vector.getEntityType() + " " + vector.getEntityId() + " " + window + "@" + endMinutes;
  }

  private static FeatureVectorComputed find(
      List<FeatureVectorComputed> vectors,
      String entity,
      String id,
      String window,
      int endMinutes) {
    String wanted = entity + " " + id + " " + window + "@" + endMinutes;
    List<FeatureVectorComputed> found =
        vectors.stream().filter(v -> describe(v).equals(wanted)).toList();
    assertThat(found).as(wanted).hasSize(1);
    return found.get(0);
  }

  private static Map<String, Double> features(FeatureVectorComputed vector) {
    assertThat(vector.getFeatureValues()).hasSameSizeAs(vector.getFeatureNames());
    Map<String, Double> byName = new LinkedHashMap<>();
    for (int i = 0; i < vector.getFeatureNames().size(); i++) {
      byName.put(vector.getFeatureNames().get(i), vector.getFeatureValues().get(i));
    }
    return byName;
  }

  private static String idOf(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
