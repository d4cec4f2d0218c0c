package dev.agentos.flink.features;

import static dev.agentos.flink.features.ActivityOutcome.FAILED;
import static dev.agentos.flink.features.ActivityOutcome.SUCCEEDED;
import static dev.agentos.flink.features.TestActivities.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.derived.FeatureVectorComputed;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorFactory;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SlidingFeatureWindows} against what it replaces: Flink's {@code SlidingEventTimeWindows}
 * with the same aggregate, allowed lateness 0 and late side output, both fed the same randomized
 * stream of activities and watermarks (out of order, some late for some or all of their windows).
 */
class SlidingFeatureWindowsTest {

  private static final TypeInformation<FeatureKey> KEY_TYPE = TypeInformation.of(FeatureKey.class);

  @BeforeAll
  static void trustGeneratedClasses() {
    GeneratedAvroClasses.trust();
  }

  @Test
  void givesWhatFlinksSlidingWindowsGiveOnARandomStream() throws Exception {
    List<FeatureWindowSettings> settings =
        List.of(
            FeatureWindowSettings.defaults(),
            windows(Duration.ofHours(3), Duration.ofHours(1)),
            windows(Duration.ofHours(6), Duration.ofHours(2)),
            windows(Duration.ofMinutes(90), Duration.ofMinutes(90)));
    for (FeatureWindowSettings windows : settings) {
      for (long seed = 1; seed <= 3; seed++) {
        List<Object> stream = randomStream(new Random(seed));
        var flink = flinkSliding(windows);
        var panes = paned(windows);
        feed(flink, stream);
        feed(panes, stream);

        List<FeatureVectorComputed> expected = byId(flink.extractOutputValues());
        String what = windows + ", seed " + seed;
        assertThat(expected).as(what).hasSizeGreaterThan(50);
        assertThat(byId(panes.extractOutputValues())).as(what).isEqualTo(expected);
        assertThat(idsAndTimestamps(panes)).as(what).isEqualTo(idsAndTimestamps(flink));
        assertThat(panes.getSideOutput(FeatureWindows.LATE))
            .as(what)
            .isNotEmpty()
            .containsExactlyElementsOf(flink.getSideOutput(FeatureWindows.LATE));
        flink.close();
        panes.close();
      }
    }
  }

  @Test
  void keepsAPaneUntilItsLastWindowHasFiredThenNothing() throws Exception {
    TestActivities a1 = new TestActivities("acme", "web", "a1");
    TestActivities a2 = new TestActivities("acme", "web", "a2");
    try (var harness = paned(windows(Duration.ofHours(3), Duration.ofHours(1)))) {
      process(harness, a1.completed("s", 10, SUCCEEDED, 100));
      process(harness, a1.completed("s", 70, SUCCEEDED, 200));
      process(harness, a2.completed("s", 20, FAILED, 300));
      assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

      // The windows ending at hours 1 to 3 have fired: the last of pane 0, not of a1's pane 1.
      harness.processWatermark(new Watermark(at(180) - 1));
      assertThat(harness.extractOutputValues()).hasSize(3 + 3);
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
      assertThat(harness.numEventTimeTimers()).isEqualTo(1);

      harness.processWatermark(new Watermark(at(240) - 1));
      assertThat(harness.extractOutputValues()).hasSize(3 + 3 + 1);
      assertThat(harness.numKeyedStateEntries()).isZero();
      assertThat(harness.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void anActivityLateForSomeOfItsWindowsCountsInTheOthersOnly() throws Exception {
    TestActivities a1 = new TestActivities("acme", "web", "a1");
    try (var harness = paned(windows(Duration.ofHours(3), Duration.ofHours(1)))) {
      harness.processWatermark(new Watermark(at(120) - 1));
      process(harness, a1.completed("s", 30, SUCCEEDED, 100));

      assertThat(harness.getSideOutput(FeatureWindows.LATE)).isNullOrEmpty();
      harness.processWatermark(new Watermark(Long.MAX_VALUE));
      assertThat(harness.extractOutputValues())
          .extracting(vector -> Duration.between(TestActivities.T0, vector.getAsOf()).toHours())
          .containsExactly(3L);
    }
  }

  private static List<FeatureVectorComputed> byId(List<FeatureVectorComputed> vectors) {
    List<FeatureVectorComputed> sorted = new ArrayList<>(vectors);
    sorted.sort(Comparator.comparing(vector -> vector.getHeader().getEventId()));
    return sorted;
  }

  /** Each output's event id and record timestamp, sorted. */
  private static List<String> idsAndTimestamps(
      KeyedOneInputStreamOperatorTestHarness<FeatureKey, Activity, FeatureVectorComputed> harness) {
    List<String> stamped = new ArrayList<>();
    for (Object output : harness.getOutput()) {
      if (output instanceof StreamRecord<?> record
          && record.getValue() instanceof FeatureVectorComputed vector) {
        stamped.add(vector.getHeader().getEventId() + "@" + record.getTimestamp());
      }
    }
    stamped.sort(Comparator.naturalOrder());
    return stamped;
  }

  private static FeatureWindowSettings windows(Duration size, Duration slide) {
    return new FeatureWindowSettings(slide, size, slide);
  }

  /**
   * About 3,000 activities of three agents over two and a half days, with watermarks that lag the
   * newest activity by up to 6 h or jump ahead of it, and activities up to a day older than the
   * newest: some on time, some late for a few of their windows, some for all.
   */
  private static List<Object> randomStream(Random random) {
    List<TestActivities> agents = new ArrayList<>();
    for (int agent = 0; agent < 3; agent++) {
      agents.add(new TestActivities("acme", "web", "agent-" + agent, agent * 1_000_000L));
    }
    List<Object> stream = new ArrayList<>();
    double newest = 0;
    long watermark = Long.MIN_VALUE;
    for (int i = 0; i < 3_000; i++) {
      newest += random.nextDouble() * 1.2;
      double minutes = random.nextInt(20) == 0 ? newest - random.nextDouble() * 1_440 : newest;
      TestActivities agent = agents.get(random.nextInt(agents.size()));
      stream.add(randomActivity(random, agent, "s-" + random.nextInt(6), minutes));
      double lag = random.nextInt(10) == 0 ? -random.nextDouble() * 120 : random.nextDouble() * 360;
      if (random.nextInt(25) == 0 && at(newest - lag) > watermark) {
        // Never back: Flink's watermarks only move forward.
        watermark = at(newest - lag);
        stream.add(new Watermark(watermark));
      }
    }
    return stream;
  }

  private static Activity randomActivity(
      Random random, TestActivities agent, String session, double minutes) {
    ActivityOutcome outcome = random.nextInt(3) == 0 ? FAILED : SUCCEEDED;
    long command = random.nextInt(8);
    return switch (random.nextInt(8)) {
      case 0 -> agent.turn(session, minutes, random.nextInt(1_000), random.nextInt(100));
      case 1 -> agent.toolCall(session, minutes, "tool" + random.nextInt(5), outcome, command);
      case 2 -> agent.testToolCall(session, minutes, command);
      case 3 -> agent.requested(session, minutes, command, random.nextBoolean());
      case 4 -> agent.completed(session, minutes, outcome, random.nextInt(10_000));
      case 5 -> agent.proposed(session, minutes, "sug-" + random.nextInt(20), "F" + command);
      case 6 -> agent.outcome(session, minutes, "sug-" + random.nextInt(20), outcome);
      default -> agent.verified(session, minutes, "sug-" + random.nextInt(20), outcome, 3, 1);
    };
  }

  /** Feeds {@code stream}, then a final watermark. */
  private static void feed(
      KeyedOneInputStreamOperatorTestHarness<FeatureKey, Activity, FeatureVectorComputed> harness,
      List<Object> stream)
      throws Exception {
    for (Object item : stream) {
      if (item instanceof Activity activity) {
        process(harness, activity);
      } else {
        harness.processWatermark((Watermark) item);
      }
    }
    harness.processWatermark(new Watermark(Long.MAX_VALUE));
  }

  private static void process(
      KeyedOneInputStreamOperatorTestHarness<FeatureKey, Activity, FeatureVectorComputed> harness,
      Activity activity)
      throws Exception {
    harness.processElement(activity, activity.eventTimeMillis());
  }

  private static KeyedOneInputStreamOperatorTestHarness<FeatureKey, Activity, FeatureVectorComputed>
      paned(FeatureWindowSettings windows) throws Exception {
    var harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new SlidingFeatureWindows(windows)),
            FeatureKey.AGENT,
            KEY_TYPE);
    harness.open();
    return harness;
  }

  /** The window operator {@code FeatureWindows} used before panes, built by the DataStream API. */
  @SuppressWarnings("unchecked")
  private static KeyedOneInputStreamOperatorTestHarness<FeatureKey, Activity, FeatureVectorComputed>
      flinkSliding(FeatureWindowSettings windows) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Transformation<FeatureVectorComputed> window =
        env.fromData(
                List.of(new TestActivities("acme", "web", "a1").turn("s", 0, 1, 1)),
                TypeInformation.of(Activity.class))
            .keyBy(FeatureKey.AGENT, KEY_TYPE)
            .window(SlidingEventTimeWindows.of(windows.sliding(), windows.slide()))
            .allowedLateness(Duration.ZERO)
            .sideOutputLateData(FeatureWindows.LATE)
            .aggregate(new FeatureAggregate(), new ToFeatureVector(windows.sliding()))
            .getTransformation();
    StreamOperatorFactory<FeatureVectorComputed> operator =
        ((OneInputTransformation<Activity, FeatureVectorComputed>) window).getOperatorFactory();
    var harness =
        new KeyedOneInputStreamOperatorTestHarness<>(operator, FeatureKey.AGENT, KEY_TYPE);
    harness.open();
    return harness;
  }
}
