package dev.agentos.flink.patterns.success;

import dev.agentos.flink.io.FromSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Hands a key's inputs to {@link #handle} in event-time order, not arrival order: each waits in
 * state until the watermark passes it, and inputs of the same millisecond go in {@link
 * #sameTimeOrder}. So what the step does depends only on the history, and a replay repeats it. An
 * input that arrives behind the watermark by at most the allowed lateness (a slow partition, a
 * restarted job catching up) is handled on arrival; further behind, it goes to {@link #late}.
 *
 * <p>The same discipline as the error pattern counter's, shared by the success job's three keyed
 * steps.
 */
abstract class EventTimeOrdered<T extends FromSource, O>
    extends KeyedProcessFunction<String, T, O> {

  private static final long serialVersionUID = 1L;

  static final long HOUR = 3_600_000L;

  private final Class<T> type;
  private final OutputTag<T> late;
  private final long allowedLatenessMillis;
  private transient MapState<Long, List<T>> pending;
  private transient Comparator<T> order;

  EventTimeOrdered(Class<T> type, OutputTag<T> late, Duration allowedLateness) {
    this.type = type;
    this.late = late;
    this.allowedLatenessMillis = allowedLateness.toMillis();
  }

  static long hourOf(long eventTime) {
    return Math.floorDiv(eventTime, HOUR) * HOUR;
  }

  static long hourEnd(long eventTime) {
    return hourOf(eventTime) + HOUR - 1;
  }

  /** The order of inputs of the same millisecond: total, or a replay may differ. */
  abstract Comparator<T> sameTimeOrder();

  /** Handles one input, in event-time order (or on arrival, when it came late but not too late). */
  abstract void handle(T input, Context context, Collector<O> out) throws Exception;

  /** Called at each of the key's timers, after the inputs due then were handled. */
  abstract void onTime(long timestamp, OnTimerContext context, Collector<O> out) throws Exception;

  @Override
  public void open(OpenContext context) throws Exception {
    order = sameTimeOrder(); // built here: a comparator of lambdas does not serialize with the job
    pending =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "pending", Types.LONG, Types.LIST(TypeInformation.of(type))));
  }

  @Override
  public final void processElement(T input, Context context, Collector<O> out) throws Exception {
    long time = input.eventTimeMillis();
    long watermark = context.timerService().currentWatermark();
    if (time <= watermark) {
      if (watermark - time > allowedLatenessMillis) {
        context.output(late, input);
      } else {
        handle(input, context, out);
      }
      return;
    }
    List<T> waiting = pending.get(time);
    List<T> updated = waiting == null ? new ArrayList<>() : new ArrayList<>(waiting);
    updated.add(input);
    pending.put(time, updated);
    context.timerService().registerEventTimeTimer(time);
  }

  @Override
  public final void onTimer(long timestamp, OnTimerContext context, Collector<O> out)
      throws Exception {
    List<T> due = pending.get(timestamp);
    if (due != null) {
      pending.remove(timestamp);
      List<T> ordered = new ArrayList<>(due);
      ordered.sort(order);
      for (T input : ordered) {
        handle(input, context, out);
      }
    }
    onTime(timestamp, context, out);
  }

  /** Whether no input of the key waits for the watermark: only then may its state be cleared. */
  boolean nothingPending() throws Exception {
    return pending.isEmpty();
  }
}
