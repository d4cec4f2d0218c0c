package dev.agentos.flink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.events.metrics.MetricKind;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.flink.anomalies.AnomaliesJob;
import dev.agentos.flink.anomalies.RobustDetector;
import dev.agentos.flink.anomalies.functions.DetectAnomalies;
import dev.agentos.flink.io.SourcePosition;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import dev.agentos.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The anomaly job on a MiniCluster against the real Kafka and registry, with its production
 * detector: a steady series with one spike in, exactly one anomaly out, whose expected range holds
 * the steady values and not the spike; a series steady at the spike's level stays quiet; the same
 * history replayed gives the same anomaly; an undecodable sample is dead-lettered by its position.
 */
@ExtendWith(LocalStackExtension.class)
class AnomaliesJobIT {

  private static final String METRIC = "tool.latency.ms";

  /** The sample of the bash series that is off: later than the detector's 20 values to judge by. */
  private static final int SPIKE_AT = 30;

  private static final double SPIKE = 500;

  private final String tenant = "tenant-" + UUID.randomUUID();
  private final Instant t0 = DerivedTopics.newHistoryStart();
  private DerivedTopics topics;

  @BeforeAll
  static void trustGeneratedClasses() {
    GeneratedAvroClasses.trust();
  }

  @BeforeEach
  void connect(StackEndpoints stack) {
    this.topics = new DerivedTopics(stack);
  }

  @Test
  void aSteadySeriesWithOneSpikeGivesOneAnomalyWhoseRangeHoldsTheSteadyValues() throws Exception {
    List<MetricRecorded> samples = publishTheHistory();

    replay();

    List<AnomalyDetected> anomalies = anomaliesOfTenant();
    assertThat(anomalies).hasSize(1);
    AnomalyDetected anomaly = anomalies.get(0);
    assertThat(anomaly.getMetric()).isEqualTo(METRIC);
    assertThat(anomaly.getTags()).isEqualTo(Map.of("tool", "bash"));
    assertThat(anomaly.getHeader().getOccurredAt()).isEqualTo(minute(SPIKE_AT));
    assertThat(anomaly.getObserved()).isEqualTo(SPIKE);
    assertThat(anomaly.getExpected()).isEqualTo(100.0);
    assertThat(anomaly.getDetector()).isEqualTo(RobustDetector.NAME);
    assertThat(anomaly.getSeverity()).isEqualTo(AnomalySeverity.CRITICAL);
    assertThat(anomaly.getDeviation()).isGreaterThan(RobustDetector.DEFAULT_THRESHOLD);
    // Judged against the 30 values before it, the first at t0.
    assertThat(anomaly.getWindowStart()).isEqualTo(t0);
    assertThat(anomaly.getWindowEnd()).isEqualTo(minute(SPIKE_AT - 1).plusMillis(1));
    assertThat(anomaly.getExpectedHigh()).isLessThan(SPIKE);
    for (MetricRecorded sample : samples) {
      if (sample.getTags().get("tool").equals("bash") && sample.getValue() != SPIKE) {
        assertThat(sample.getValue())
            .isBetween(anomaly.getExpectedLow(), anomaly.getExpectedHigh());
      }
    }
  }

  @Test
  void theSameHistoryReplayedFindsTheSameAnomaly() throws Exception {
    publishTheHistory();

    replay();
    List<AnomalyDetected> first = anomaliesOfTenant();
    replay();

    assertThat(first).hasSize(1);
    SameOutputs.assertRepeated(first, anomaliesOfTenant());
  }

  @Test
  void anUndecodableSampleIsDeadLetteredByItsPosition() throws Exception {
    String key = "garbage-" + tenant;
    SourcePosition written =
        topics.publishRaw(Topics.METRICS, key, "not avro".getBytes(StandardCharsets.UTF_8));

    replay();

    assertThat(topics.deadLettersKeyed(key))
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.getStage()).isEqualTo(AnomaliesJob.NAME);
              assertThat(letter.getSourceTopic()).isEqualTo(Topics.METRICS.name());
              assertThat(letter.getSourcePartition()).isEqualTo(written.partition());
              assertThat(letter.getSourceOffset()).isEqualTo(written.offset());
              assertThat(letter.getReason()).startsWith("cannot read " + written + ": ");
            });
  }

  private void replay() throws Exception {
    topics.replay(
        AnomaliesJob.NAME,
        (env, io, outOfOrderness) ->
            AnomaliesJob.define(env, io, new DetectAnomalies(), outOfOrderness));
  }

  private List<AnomalyDetected> anomaliesOfTenant() {
    return topics.committedOf(Topics.ANOMALIES, AnomalyDetected.class, tenant);
  }

  /**
   * Two series of one metric, a sample a minute for 40 minutes: bash's steady at 98-102 but for
   * {@link #SPIKE} at minute {@link #SPIKE_AT}; grep's steady at the spike's level, 30 s later each
   * minute, so no two samples share a millisecond.
   */
  private List<MetricRecorded> publishTheHistory() throws Exception {
    List<MetricRecorded> samples = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      double steady = 98 + i % 5;
      samples.add(sample(minute(i), "bash", i == SPIKE_AT ? SPIKE : steady));
      samples.add(sample(minute(i).plusSeconds(30), "grep", SPIKE - 2 + i % 5));
    }
    topics.publish(Topics.METRICS, samples);
    return samples;
  }

  private Instant minute(int minute) {
    return t0.plus(Duration.ofMinutes(minute));
  }

  private MetricRecorded sample(Instant at, String tool, double value) {
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setOccurredAt(at)
            .setTenantId(tenant)
            .setProjectId("project-1")
            .setAgentId("agent-1")
            .setSource("it")
            .build();
    return MetricRecorded.newBuilder()
        .setHeader(header)
        .setName(METRIC)
        .setKind(MetricKind.GAUGE)
        .setValue(value)
        .setUnit("ms")
        .setTags(Map.of("tool", tool))
        .build();
  }
}
