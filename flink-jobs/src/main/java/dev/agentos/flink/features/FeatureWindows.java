package dev.agentos.flink.features;

import dev.agentos.events.derived.FeatureVectorComputed;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The features part of the learning jobs: activities in, one {@code FeatureVectorComputed} per
 * entity (agent, session, project) and event-time window (tumbling and sliding, see {@link
 * FeatureWindowSettings}) out. Each of the six entity-and-window pairs is an operator of its own
 * folding activities into {@link FeatureAccumulator}s as they arrive (a Flink window with {@link
 * FeatureAggregate} for the tumbling ones, {@link SlidingFeatureWindows} for the sliding ones),
 * named and with a stable uid, so state survives a redeploy. The input must carry timestamps and
 * watermarks (event time: {@link Activity#eventTimeMillis}).
 */
public final class FeatureWindows {

  /**
   * Activities behind the watermark when they arrive (allowed lateness 0): every window operator
   * drops them into this tag, and {@link FeatureStreams#late} takes them from the tumbling project
   * window, which sees every activity once and drops a superset of what the sliding windows drop
   * (an activity a few hours late still counts in the day windows that have not fired).
   */
  public static final OutputTag<Activity> LATE =
      new OutputTag<>("features-late", TypeInformation.of(Activity.class));

  private static final TypeInformation<FeatureKey> KEY_TYPE = TypeInformation.of(FeatureKey.class);

  private FeatureWindows() {}

  /** The features of {@code activities} over the default windows (1 h; 24 h every hour). */
  public static FeatureStreams apply(DataStream<Activity> activities) {
    return apply(activities, FeatureWindowSettings.defaults());
  }

  /** The features of {@code activities} over the windows of {@code settings}. */
  public static FeatureStreams apply(
      DataStream<Activity> activities, FeatureWindowSettings settings) {
    DataStream<Activity> inSessions =
        activities
            .filter(activity -> activity.sessionId() != null)
            .name("features: activities in a session")
            .uid("features-in-session");
    SingleOutputStreamOperator<FeatureVectorComputed> projectTumbling =
        tumbling(activities, "project", FeatureKey.PROJECT, settings);
    DataStream<FeatureVectorComputed> vectors =
        projectTumbling.union(
            sliding(activities, "project", FeatureKey.PROJECT, settings),
            tumbling(activities, "agent", FeatureKey.AGENT, settings),
            sliding(activities, "agent", FeatureKey.AGENT, settings),
            tumbling(inSessions, "session", FeatureKey.SESSION, settings),
            sliding(inSessions, "session", FeatureKey.SESSION, settings));
    return new FeatureStreams(vectors, projectTumbling.getSideOutput(LATE));
  }

  /**
   * The uid names the entity and the kind of window, not its size: a changed size is a new setting
   * of the same operator (its old windows' state does not fit the new ones, so such a change needs
   * a fresh start anyway).
   */
  private static SingleOutputStreamOperator<FeatureVectorComputed> tumbling(
      DataStream<Activity> input,
      String entity,
      KeySelector<Activity, FeatureKey> key,
      FeatureWindowSettings settings) {
    return input
        .keyBy(key, KEY_TYPE)
        .window(TumblingEventTimeWindows.of(settings.tumbling()))
        .allowedLateness(Duration.ZERO)
        .sideOutputLateData(LATE)
        .aggregate(new FeatureAggregate(), new ToFeatureVector(settings.tumbling()))
        .name("features: " + entity + " " + FeatureWindowSettings.label(settings.tumbling()))
        .uid("features-" + entity + "-tumbling");
  }

  /**
   * Computed from panes by {@link SlidingFeatureWindows}, which gives what Flink's sliding windows
   * would at a fraction of the cost. Its uid is not the one of the Flink window operator it
   * replaced: the state differs, and the job rebuilds it by replaying its input.
   */
  private static SingleOutputStreamOperator<FeatureVectorComputed> sliding(
      DataStream<Activity> input,
      String entity,
      KeySelector<Activity, FeatureKey> key,
      FeatureWindowSettings settings) {
    return input
        .keyBy(key, KEY_TYPE)
        .process(new SlidingFeatureWindows(settings))
        .name("features: " + entity + " " + FeatureWindowSettings.label(settings.sliding()))
        .uid("features-" + entity + "-sliding-panes");
  }
}
