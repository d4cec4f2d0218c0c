package dev.agentos.flink.anomalies.functions;

import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.flink.anomalies.Judgement;
import dev.agentos.flink.anomalies.MetricSample;
import dev.agentos.flink.anomalies.RobustDetector;
import dev.agentos.flink.anomalies.SeriesWindow;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Finds anomalies in metric series, keyed by series key ({@link MetricSample#seriesKey()}), in
 * event time. The {@link RobustDetector} judges each sample against the window of the values before
 * it, so samples must reach it in event-time order: they are held in keyed state until the
 * watermark passes them, then judged in timestamp order (samples of one millisecond in arrival
 * order). An anomaly is emitted when the watermark passes its sample, never earlier.
 *
 * <p>A sample at or behind the watermark when it arrives can no longer be put in order: it goes to
 * {@link #LATE}, unjudged and kept out of the window.
 *
 * <p>A series' state is its window (bounded by the detector's window size), the samples waiting for
 * the watermark, and the time it is cleared: once no sample of the series has been seen for the
 * idle timeout in event time, all of it is dropped, so series that stop do not stay in state
 * forever. A series that comes back starts a new window, silent until it has enough values again.
 * The clearing follows the watermark, which other series' samples keep advancing.
 */
public final class DetectAnomalies
    extends KeyedProcessFunction<String, MetricSample, AnomalyDetected> {

  private static final long serialVersionUID = 1L;

  /** Samples that arrived behind the watermark; the job dead-letters them. */
  public static final OutputTag<MetricSample> LATE =
      new OutputTag<>("late-metric-samples", TypeInformation.of(MetricSample.class));

  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofDays(7);

  private final RobustDetector detector;
  private final long idleTimeoutMillis;

  private transient MapState<Long, List<MetricSample>> waiting;
  private transient ValueState<SeriesWindow> window;
  private transient ValueState<Long> clearAt;

  public DetectAnomalies() {
    this(RobustDetector.withDefaults(), DEFAULT_IDLE_TIMEOUT);
  }

  /**
   * @param detector judges each sample against its series' window
   * @param idleTimeout event time without a sample after which a series' state is dropped
   */
  public DetectAnomalies(RobustDetector detector, Duration idleTimeout) {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idle timeout " + idleTimeout + " must be positive");
    }
    this.detector = detector;
    this.idleTimeoutMillis = idleTimeout.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    // Flink copies and serializes the AnomalyDetected it emits with Avro, which refuses to load
    // generated classes it was not told to trust; open runs in the task manager's JVM.
    GeneratedAvroClasses.trust();
    waiting =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "waiting-samples",
                    Types.LONG,
                    Types.LIST(TypeInformation.of(MetricSample.class))));
    window =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("window", TypeInformation.of(SeriesWindow.class)));
    clearAt = getRuntimeContext().getState(new ValueStateDescriptor<>("clear-at", Types.LONG));
  }

  @Override
  public void processElement(
      MetricSample sample, Context context, Collector<AnomalyDetected> anomalies) throws Exception {
    TimerService timers = context.timerService();
    long eventTime = sample.eventTimeMillis();
    if (eventTime <= timers.currentWatermark()) {
      context.output(LATE, sample);
      return;
    }
    List<MetricSample> atTime = waiting.get(eventTime);
    if (atTime == null) {
      atTime = new ArrayList<>(1);
    }
    atTime.add(sample);
    waiting.put(eventTime, atTime);
    // Clearing first: when it was due at this very millisecond, deleting its timer must not
    // delete the timer that judges this sample (timers of a key are one per timestamp).
    postponeClearing(eventTime + idleTimeoutMillis, timers);
    timers.registerEventTimeTimer(eventTime);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<AnomalyDetected> anomalies)
      throws Exception {
    // Timers fire in timestamp order, so judging the samples of each timer's own millisecond
    // judges the series in event-time order.
    List<MetricSample> due = waiting.get(timestamp);
    if (due != null) {
      judge(due, anomalies);
      waiting.remove(timestamp);
    }
    Long clearTime = clearAt.value();
    if (clearTime != null && clearTime == timestamp) {
      // Nothing waits: a sample would have postponed this timer past its own event time.
      window.clear();
      waiting.clear();
      clearAt.clear();
    }
  }

  private void judge(List<MetricSample> samples, Collector<AnomalyDetected> anomalies)
      throws Exception {
    SeriesWindow current = window.value();
    if (current == null) {
      current = SeriesWindow.empty();
    }
    for (MetricSample sample : samples) {
      Judgement judgement = detector.judge(current, sample.value()).orElse(null);
      if (judgement != null && judgement.anomalous()) {
        anomalies.collect(AnomalyDetections.of(sample, judgement));
      }
      current = detector.remember(current, sample.eventTimeMillis(), sample.value());
    }
    window.update(current);
  }

  /** Moves the series' clearing to {@code time} if that is later, keeping one timer for it. */
  private void postponeClearing(long time, TimerService timers) throws Exception {
    Long current = clearAt.value();
    if (current != null && current >= time) {
      return;
    }
    if (current != null) {
      timers.deleteEventTimeTimer(current);
    }
    timers.registerEventTimeTimer(time);
    clearAt.update(time);
  }
}
