package dev.agentos.flink.patterns.success;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationVerdict;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.SuggestionFormat;
import dev.agentos.events.interactions.ToolCallRecorded;
import dev.agentos.events.interactions.ToolCallStatus;
import dev.agentos.flink.io.EventMapper;
import dev.agentos.flink.io.FromSource;
import dev.agentos.flink.io.JobIo;
import dev.agentos.flink.io.SourcePosition;
import dev.agentos.schemas.topics.Topic;
import dev.agentos.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
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
 * input, key or state, fails) and every function serialized as a cluster would, its topics replaced
 * by a list of events: three steps keyed three ways, to SUCCESS patterns.
 */
class SuccessPatternsJobTest {

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  @Test
  void proposalsToolsAndVerdictsBecomeSuccessPatterns() throws Exception {
    // Suggestions 1-4, each in its session after read_file and edit_file; verdicts: 1 and 2
    // passed, 3 failed, 4 could not be run (ERROR, not counted). Support 3 reports.
    List<SpecificRecord> history = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      history.add(toolCall(i, 1, "read_file"));
      history.add(toolCall(i, 2, "edit_file"));
      history.add(proposal(i));
    }
    history.add(verification(1, VerificationVerdict.PASSED));
    history.add(verification(2, VerificationVerdict.PASSED));
    history.add(verification(3, VerificationVerdict.FAILED));
    history.add(verification(4, VerificationVerdict.ERROR));
    ListIo io = new ListIo(history);
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);

    SuccessPatternsJob.define(
        env,
        io,
        new SuccessPatternSettings(
            3, Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofHours(1)),
        Duration.ofSeconds(5));

    List<PatternDetected> patterns = new ArrayList<>();
    try (CloseableIterator<PatternDetected> collected =
        io.written.get(Topics.PATTERNS.name()).executeAndCollect(SuccessPatternsJob.NAME)) {
      collected.forEachRemaining(patterns::add);
    }
    assertThat(patterns)
        .extracting(
            PatternDetected::getSignature,
            PatternDetected::getStatus,
            PatternDetected::getSupport,
            PatternDetected::getOccurrences,
            PatternDetected::getSuccessRate)
        .containsExactlyInAnyOrder(
            tuple("kind:FULL_FILE:test-file", PatternStatus.NEW, 3L, 2L, 2.0 / 3),
            tuple("language:go", PatternStatus.NEW, 3L, 2L, 2.0 / 3),
            tuple("tools:read_file>edit_file", PatternStatus.NEW, 3L, 2L, 2.0 / 3));
    assertThat(io.deadLetters).containsOnlyKeys("late-inputs");
  }

  private static EventHeader header(int i, Instant at) {
    return EventHeader.newBuilder()
        .setEventId("event-" + i + "-" + at.toEpochMilli())
        .setOccurredAt(at)
        .setTenantId("tenant-1")
        .setProjectId("project-1")
        .setAgentId("agent-1")
        .setSessionId("session-" + i)
        .setSource("test")
        .build();
  }

  private static ToolCallRecorded toolCall(int i, int second, String tool) {
    return ToolCallRecorded.newBuilder()
        .setHeader(header(i, T0.plusSeconds(60L * i + second)))
        .setToolCallId("call-" + i + "-" + second)
        .setToolName(tool)
        .setArgumentsJson("{}")
        .setStatus(ToolCallStatus.SUCCEEDED)
        .setDurationMs(5)
        .build();
  }

  private static CodeSuggestionProposed proposal(int i) {
    return CodeSuggestionProposed.newBuilder()
        .setHeader(header(i, T0.plusSeconds(60L * i + 10)))
        .setSuggestionId("sug-" + i)
        .setLanguage("go")
        .setFilePath("pkg/server_test.go")
        .setFormat(SuggestionFormat.FULL_FILE)
        .setCode("package pkg")
        .build();
  }

  private static VerificationCompleted verification(int i, VerificationVerdict verdict) {
    return VerificationCompleted.newBuilder()
        .setHeader(header(i, T0.plusSeconds(600L + i)))
        .setVerificationId("ver-" + i)
        .setSuggestionId("sug-" + i)
        .setExecutionId("exec-" + i)
        .setVerdict(verdict)
        .setTestsRun(1)
        .setPassed(verdict == VerificationVerdict.PASSED ? 1 : 0)
        .setFailed(verdict == VerificationVerdict.PASSED ? 0 : 1)
        .build();
  }

  /** Reads a list of events, in order, from one subtask; keeps what the job writes as streams. */
  @SuppressWarnings("unchecked")
  private static final class ListIo implements JobIo {
    private final List<SpecificRecord> events;
    final Map<String, DataStream<PatternDetected>> written = new HashMap<>();
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
      assertThat(topics).containsExactly(Topics.INTERACTIONS, Topics.EXECUTIONS);
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
      written.put(topic.name(), (DataStream<PatternDetected>) stream);
    }

    @Override
    public void deadLetter(DataStream<RecordDeadLettered> letters, String name) {
      deadLetters.put(name, letters);
    }
  }
}
