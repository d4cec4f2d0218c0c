package dev.agentos.flink.anomalies.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.flink.anomalies.MetricSample;
import dev.agentos.flink.anomalies.RobustDetector;
import dev.agentos.flink.io.SourcePosition;
import dev.agentos.schemas.topics.MetricSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DetectAnomaliesTest {

  private static final Map<String, String> TAGS = Map.of("tool", "bash");
  private static final String SERIES = MetricSeries.keyOf("acme", "web", "tool.duration", TAGS);
  private static final String OTHER_SERIES =
      MetricSeries.keyOf("acme", "web", "tool.duration", Map.of("tool", "python"));

  /** A window of 10 that judges from 5 values, so a short baseline is enough. */
  private static final RobustDetector DETECTOR = new RobustDetector(10, 5, 3.5);

  private static final long IDLE = Duration.ofHours(1).toMillis();

  /** Median 10, MAD 1: 100 is far out, 10 is normal. */
  private static final List<MetricSample> BASELINE =
      List.of(
          sample(1_000, 8),
          sample(2_000, 9),
          sample(3_000, 10),
          sample(4_000, 11),
          sample(5_000, 12));

  private final List<KeyedOneInputStreamOperatorTestHarness<String, MetricSample, AnomalyDetected>>
      harnesses = new ArrayList<>();

  @AfterEach
  void closeHarnesses() throws Exception {
    for (var harness : harnesses) {
      harness.close();
    }
  }

  @Test
  void anomalyIsEmittedOnlyOnceTheWatermarkPassesItsSample() throws Exception {
    var harness = harness();
    feed(harness, BASELINE);
    feed(harness, List.of(sample(6_000, 100)));

    harness.processWatermark(5_999);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(6_000);
    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(anomaly -> assertThat(anomaly.getObserved()).isEqualTo(100));
  }

  @Test
  void outOfOrderSamplesWithinTheBoundAreJudgedInEventTimeOrder() throws Exception {
    var harness = harness();
    feed(
        harness,
        List.of(
            sample(3_000, 10),
            sample(1_000, 8),
            sample(5_000, 12),
            sample(2_000, 9),
            sample(4_000, 11),
            sample(8_000, 100),
            sample(6_000, 10),
            sample(7_000, 100)));

    harness.processWatermark(8_000);

    // In arrival order the spike at 8000 would have been judged on the five values before it.
    List<AnomalyDetected> anomalies = harness.extractOutputValues();
    assertThat(anomalies)
        .extracting(a -> a.getHeader().getOccurredAt().toEpochMilli())
        .containsExactly(7_000L, 8_000L);
    assertThat(anomalies)
        .extracting(a -> a.getWindowStart().toEpochMilli())
        .containsExactly(1_000L, 1_000L);
    assertThat(anomalies)
        .extracting(a -> a.getWindowEnd().toEpochMilli())
        .containsExactly(6_001L, 7_001L);
  }

  @Test
  void sampleAtOrBehindTheWatermarkGoesToLateAndStaysOutOfTheWindow() throws Exception {
    var harness = harness();
    feed(harness, BASELINE);
    harness.processWatermark(5_000);
    MetricSample atWatermark = sample(5_000, 100);
    MetricSample behind = sample(4_500, 100);

    feed(harness, List.of(atWatermark, behind));

    assertThat(lateOf(harness)).containsExactly(atWatermark, behind);
    assertThat(harness.numEventTimeTimers()).as("only the series' clearing").isEqualTo(1);
    feed(harness, List.of(sample(6_000, 10), sample(7_000, 100)));
    harness.processWatermark(7_000);
    // Median of 8, 9, 10, 10, 11, 12: the two late 100s would have made it 10.5.
    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(anomaly -> assertThat(anomaly.getExpected()).isEqualTo(10));
  }

  @Test
  void anomalyEventDescribesTheSampleAndTheJudgement() throws Exception {
    var harness = harness();
    feed(harness, BASELINE);
    feed(harness, List.of(sample(6_000, 100)));

    harness.processWatermark(6_000);

    AnomalyDetected anomaly = harness.extractOutputValues().get(0);
    String id = AnomalyDetections.idOf(SERIES, 6_000);
    assertThat(anomaly.getHeader().getEventId()).isEqualTo(id);
    assertThat(anomaly.getAnomalyId()).isEqualTo(id);
    assertThat(anomaly.getHeader().getOccurredAt()).isEqualTo(Instant.ofEpochMilli(6_000));
    assertThat(anomaly.getHeader().getTenantId()).isEqualTo("acme");
    assertThat(anomaly.getHeader().getProjectId()).isEqualTo("web");
    assertThat(anomaly.getHeader().getAgentId()).isEqualTo("agent-7");
    assertThat(anomaly.getHeader().getSource()).isEqualTo("flink:anomalies");
    assertThat(anomaly.getMetric()).isEqualTo("tool.duration");
    assertThat(anomaly.getTags()).isEqualTo(TAGS);
    assertThat(anomaly.getExpected()).isEqualTo(10);
    assertThat(anomaly.getDeviation()).isEqualTo(90 / 1.4826);
    assertThat(anomaly.getExpectedLow()).isEqualTo(10 - 3.5 * 1.4826);
    assertThat(anomaly.getExpectedHigh()).isEqualTo(10 + 3.5 * 1.4826);
    assertThat(anomaly.getSeverity()).isEqualTo(AnomalySeverity.CRITICAL);
    assertThat(anomaly.getDetector()).isEqualTo("median-mad/v1");
    assertThat(anomaly.getWindowStart()).isEqualTo(Instant.ofEpochMilli(1_000));
    assertThat(anomaly.getWindowEnd()).isEqualTo(Instant.ofEpochMilli(5_001));
  }

  @Test
  void replayingTheSameSamplesReportsTheSameAnomaliesUnderTheSameIds() throws Exception {
    List<MetricSample> input = new ArrayList<>(BASELINE);
    input.addAll(List.of(sample(6_000, 100), sample(7_000, 10), sample(8_000, -80)));

    List<AnomalyDetected> first = run(input);
    List<AnomalyDetected> replay = run(input);

    assertThat(first).hasSize(2).isEqualTo(replay);
    assertThat(first)
        .extracting(a -> a.getHeader().getEventId())
        .containsExactly(
            AnomalyDetections.idOf(SERIES, 6_000), AnomalyDetections.idOf(SERIES, 8_000))
        .doesNotHaveDuplicates();
  }

  @Test
  void eachSeriesIsJudgedAgainstItsOwnWindow() throws Exception {
    var harness = harness();
    feed(harness, BASELINE);
    feed(harness, List.of(sample(OTHER_SERIES, 6_000, 100), sample(SERIES, 6_000, 100)));

    harness.processWatermark(6_000);

    // The other series has no window yet: only the baseline's series can judge its spike.
    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(anomaly -> assertThat(anomaly.getTags()).isEqualTo(TAGS));
  }

  @Test
  void seriesStateIsClearedOnceTheSeriesHasBeenIdleForTheTimeout() throws Exception {
    var harness = harness();
    feed(harness, BASELINE);
    harness.processWatermark(5_000 + IDLE - 1);
    assertThat(harness.numKeyedStateEntries()).isPositive();
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processWatermark(5_000 + IDLE);

    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    // The window went with it: a spike after the series comes back has nothing to be judged on.
    feed(harness, List.of(sample(6_000 + IDLE, 100)));
    harness.processWatermark(6_000 + IDLE);
    assertThat(harness.extractOutputValues()).isEmpty();
  }

  @Test
  void aSampleWithinTheTimeoutPostponesTheClearing() throws Exception {
    var harness = harness();
    feed(harness, BASELINE);
    feed(harness, List.of(sample(5_000 + IDLE, 10))); // due exactly when the clearing was

    harness.processWatermark(5_000 + IDLE);
    assertThat(harness.numKeyedStateEntries()).isPositive();
    feed(harness, List.of(sample(6_000 + IDLE, 100)));
    harness.processWatermark(6_000 + IDLE);
    // The sample due with the clearing was judged and remembered: the spike's window ends there.
    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(a -> assertThat(a.getWindowEnd().toEpochMilli()).isEqualTo(5_001 + IDLE));

    harness.processWatermark(6_000 + 2 * IDLE);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void waitingSamplesAndTheWindowSurviveARestoreFromACheckpoint() throws Exception {
    var before = harness();
    feed(before, BASELINE);
    before.processWatermark(3_000);
    feed(before, List.of(sample(6_000, 100)));
    OperatorSubtaskState checkpoint = before.snapshot(1L, 1L);

    var after =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new DetectAnomalies(DETECTOR, Duration.ofMillis(IDLE))),
            MetricSample::seriesKey,
            Types.STRING);
    harnesses.add(after);
    after.setup();
    after.initializeState(checkpoint);
    after.open();
    after.processWatermark(6_000);

    assertThat(after.extractOutputValues())
        .singleElement()
        .satisfies(
            anomaly -> {
              assertThat(anomaly.getObserved()).isEqualTo(100);
              assertThat(anomaly.getWindowStart()).isEqualTo(Instant.ofEpochMilli(1_000));
            });
  }

  private List<AnomalyDetected> run(List<MetricSample> samples) throws Exception {
    var harness = harness();
    feed(harness, samples);
    harness.processWatermark(Long.MAX_VALUE - IDLE);
    return harness.extractOutputValues();
  }

  private KeyedOneInputStreamOperatorTestHarness<String, MetricSample, AnomalyDetected> harness()
      throws Exception {
    var harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new DetectAnomalies(DETECTOR, Duration.ofMillis(IDLE)),
            MetricSample::seriesKey,
            Types.STRING);
    harnesses.add(harness);
    return harness;
  }

  private static void feed(
      KeyedOneInputStreamOperatorTestHarness<String, MetricSample, AnomalyDetected> harness,
      List<MetricSample> samples)
      throws Exception {
    for (MetricSample sample : samples) {
      harness.processElement(sample, sample.eventTimeMillis());
    }
  }

  private static List<MetricSample> lateOf(
      KeyedOneInputStreamOperatorTestHarness<String, MetricSample, AnomalyDetected> harness) {
    ConcurrentLinkedQueue<StreamRecord<MetricSample>> late =
        harness.getSideOutput(DetectAnomalies.LATE);
    return late == null ? List.of() : late.stream().map(StreamRecord::getValue).toList();
  }

  private static MetricSample sample(long eventTime, double value) {
    return sample(SERIES, eventTime, value);
  }

  private static MetricSample sample(String series, long eventTime, double value) {
    Map<String, String> tags = series.equals(SERIES) ? TAGS : Map.of("tool", "python");
    return new MetricSample(
        series,
        "acme",
        "web",
        "agent-7",
        "tool.duration",
        tags,
        value,
        "ms",
        eventTime,
        new SourcePosition("agentos.metrics", 0, eventTime));
  }
}
