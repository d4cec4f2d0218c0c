package dev.agentos.flink.health;

import static dev.agentos.flink.health.HealthEventSamples.execution;
import static dev.agentos.flink.health.HealthEventSamples.pattern;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.ProjectHealthReported;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.flink.io.EventMapper;
import dev.agentos.flink.io.FromSource;
import dev.agentos.flink.io.JobIo;
import dev.agentos.flink.io.SourcePosition;
import dev.agentos.schemas.topics.Topic;
import dev.agentos.schemas.topics.Topics;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole job on Flink's in-JVM MiniCluster, Kryo switched off (a type Flink does not know, in an
 * input, key or state, fails), its topics replaced by a list of events: reports travel through
 * Flink's Avro serializer, decimals and all, to the health topic.
 */
class HealthJobTest {

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final long HOUR = 3_600_000L;
  private static final long T0 = 1_000 * HOUR;
  private static final HealthSettings SETTINGS =
      new HealthSettings(
          Duration.ofHours(1),
          Duration.ofHours(3),
          Duration.ofHours(6),
          Duration.ofMinutes(1),
          100);

  @Test
  void reportsEachProjectAtEachHourItsWindowHoldsData() throws Exception {
    PatternDetected otherProject = pattern("pd-1", T0 + HOUR + 5, "p-1", PatternKind.ERROR);
    otherProject.getHeader().setProjectId("api");
    ListIo io =
        new ListIo(
            List.of(
                execution("e-1", T0 + 10, ExecutionOutcome.SUCCEEDED),
                execution("e-2", T0 + 20, ExecutionOutcome.FAILED),
                otherProject));
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);

    HealthJob.define(env, io, SETTINGS, Duration.ofSeconds(5));

    List<ProjectHealthReported> reports = new ArrayList<>();
    try (CloseableIterator<ProjectHealthReported> collected =
        io.written.get(Topics.HEALTH.name()).executeAndCollect(HealthJob.NAME)) {
      collected.forEachRemaining(reports::add);
    }
    assertThat(reports)
        .extracting(
            report ->
                report.getHeader().getProjectId()
                    + "@"
                    + (report.getWindowEnd().toEpochMilli() - T0) / HOUR)
        .containsExactlyInAnyOrder("web@1", "web@2", "web@3", "api@2", "api@3", "api@4");
    assertThat(reports).extracting(ProjectHealthReported::getReportId).doesNotHaveDuplicates();
    assertThat(reports)
        .filteredOn(report -> report.getHeader().getProjectId().equals("web"))
        .allSatisfy(report -> assertThat(report.getScore()).isEqualTo(new BigDecimal("50.00")));
    assertThat(io.deadLetters).containsOnlyKeys("late-inputs");
  }

  /** Reads a list of events, in order, from one subtask; keeps what the job writes as streams. */
  @SuppressWarnings("unchecked")
  private static final class ListIo implements JobIo {
    private final List<SpecificRecord> events;
    final Map<String, DataStream<ProjectHealthReported>> written = new HashMap<>();
    final Map<String, DataStream<RecordDeadLettered>> deadLetters = new HashMap<>();

    ListIo(List<SpecificRecord> events) {
      this.events = events;
    }

    @Override
    public <T extends FromSource> DataStream<T> read(
        StreamExecutionEnvironment env,
        String name,
        List<Topic<String, ?>> topics,
        EventMapper<T> mapper,
        TypeInformation<T> type) {
      assertThat(topics).containsExactly(Topics.EXECUTIONS, Topics.PATTERNS, Topics.ANOMALIES);
      List<T> inputs = new ArrayList<>();
      for (int offset = 0; offset < events.size(); offset++) {
        inputs.addAll(mapper.map(events.get(offset), new SourcePosition(name, 0, offset)));
      }
      return env.fromData(inputs, type)
          .setParallelism(1)
          .assignTimestampsAndWatermarks(
              WatermarkStrategy.<T>forMonotonousTimestamps()
                  .withTimestampAssigner((input, previous) -> input.eventTimeMillis()))
          .setParallelism(1);
    }

    @Override
    public <T extends SpecificRecord> void write(
        DataStream<T> stream, Topic<String, T> topic, String name) {
      written.put(topic.name(), (DataStream<ProjectHealthReported>) stream);
    }

    @Override
    public void deadLetter(DataStream<RecordDeadLettered> letters, String name) {
      deadLetters.put(name, letters);
    }
  }
}
