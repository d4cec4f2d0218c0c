package dev.agentos.flink.features;

import dev.agentos.events.derived.FeatureVectorComputed;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * The sliding feature windows of one entity, computed from panes: each activity is folded once into
 * the {@link FeatureAccumulator} of its slide-sized pane, and when the watermark passes a window's
 * end the window's panes are merged into its vector. Flink's sliding windows fold each activity
 * into every window that holds it instead (24 accumulators for a day every hour), which made the
 * features job a hundred times slower than reading its input and kept a copy of every set per
 * window.
 *
 * <p>The output is what {@code SlidingEventTimeWindows} with allowed lateness 0, {@link
 * FeatureAggregate} and {@link ToFeatureVector} give, window for window: an activity whose windows
 * have all fired goes to {@link FeatureWindows#LATE}, any other is added to its pane, and a window
 * fires when the watermark passes its last millisecond if any of its panes then holds an activity.
 * That is the same windows over the same activities: a pane is kept until its last window has
 * fired, and takes activities only while it has a window still open, so the activities in a
 * window's panes when it fires are those that came while the window was open, the ones Flink's
 * window would have taken.
 *
 * <p>A new pane asks for a timer at its first window still open, and each firing for the next
 * window end a kept pane is in: about one timer per key, not one per window.
 */
public final class SlidingFeatureWindows
    extends KeyedProcessFunction<FeatureKey, Activity, FeatureVectorComputed> {

  private static final long serialVersionUID = 1L;

  private final long sizeMillis;
  private final long slideMillis;
  private final ToFeatureVector toVector;
  private final FeatureAggregate aggregate = new FeatureAggregate();

  /** The entity's panes by their start, each the accumulator of its activities. */
  private transient MapState<Long, FeatureAccumulator> panes;

  /** Windows of {@code settings.sliding()}, one ending every {@code settings.slide()}. */
  public SlidingFeatureWindows(FeatureWindowSettings settings) {
    this.sizeMillis = settings.sliding().toMillis();
    this.slideMillis = settings.slide().toMillis();
    this.toVector = new ToFeatureVector(settings.sliding());
  }

  @Override
  public void open(OpenContext openContext) {
    GeneratedAvroClasses.trust();
    panes =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "panes", Types.LONG, TypeInformation.of(FeatureAccumulator.class)));
  }

  @Override
  public void processElement(
      Activity activity, Context context, Collector<FeatureVectorComputed> out) throws Exception {
    Long timestamp =
        Objects.requireNonNull(context.timestamp(), "activities need event-time timestamps");
    long watermark = context.timerService().currentWatermark();
    long pane = TimeWindow.getWindowStartWithOffset(timestamp, 0, slideMillis);
    if (pane + sizeMillis - 1 <= watermark) {
      context.output(FeatureWindows.LATE, activity);
      return;
    }
    FeatureAccumulator accumulator = panes.get(pane);
    if (accumulator == null) {
      accumulator = aggregate.createAccumulator();
      context.timerService().registerEventTimeTimer(firstOpenEnd(pane, watermark) - 1);
    }
    panes.put(pane, aggregate.add(activity, accumulator));
  }

  /**
   * Fires the window ending just after {@code timestamp}, drops the panes whose windows have all
   * fired, and asks for the next end a kept pane is in.
   */
  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<FeatureVectorComputed> out)
      throws Exception {
    long end = timestamp + 1;
    long firstPane = end - sizeMillis;
    FeatureAccumulator window = null;
    List<Long> done = new ArrayList<>();
    long earliestKept = Long.MAX_VALUE;
    for (Map.Entry<Long, FeatureAccumulator> entry : panes.entries()) {
      long pane = entry.getKey();
      if (pane >= firstPane && pane < end) {
        window = window == null ? aggregate.createAccumulator() : window;
        window.merge(entry.getValue());
      }
      if (pane <= firstPane) {
        done.add(pane);
      } else {
        earliestKept = Math.min(earliestKept, pane);
      }
    }
    if (window != null) {
      out.collect(toVector.vectorOf(context.getCurrentKey(), end, aggregate.getResult(window)));
    }
    for (long pane : done) {
      panes.remove(pane);
    }
    if (earliestKept != Long.MAX_VALUE) {
      long next = Math.max(end + slideMillis, earliestKept + slideMillis);
      context.timerService().registerEventTimeTimer(next - 1);
    }
  }

  /** The end of {@code pane}'s first window that has not fired at {@code watermark}. */
  private long firstOpenEnd(long pane, long watermark) {
    long first = pane + slideMillis;
    if (first - 1 > watermark) {
      return first;
    }
    return TimeWindow.getWindowStartWithOffset(watermark + 1, 0, slideMillis) + slideMillis;
  }
}
