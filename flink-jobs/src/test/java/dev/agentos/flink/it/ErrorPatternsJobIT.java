package dev.agentos.flink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.interactions.ToolCallRecorded;
import dev.agentos.events.interactions.ToolCallStatus;
import dev.agentos.flink.patterns.ErrorPatternsJob;
import dev.agentos.flink.patterns.PatternSettings;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import dev.agentos.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The error pattern job on a MiniCluster against the real Kafka and registry: a known stream of
 * failures in, the expected patterns out, an unreadable record dead-lettered, and the same history
 * replayed giving the same detections. Each test is its own tenant; the job runs bounded, to the
 * topics' ends, so it finishes and commits its last transaction.
 */
@ExtendWith(LocalStackExtension.class)
class ErrorPatternsJobIT {

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
  void failuresBecomeTheirPatternsAndAnUnreadableRecordADeadLetter() throws Exception {
    topics.publish(
        Topics.EXECUTIONS,
        List.of(
            failedRun(1, "/home/a/app.py", 12, "requests"),
            failedRun(2, "/tmp/x/app.py", 40, "requests"),
            failedRun(3, "/srv/b/app.py", 7, "numpy"),
            succeededRun(4)));
    topics.publish(Topics.INTERACTIONS, List.of(failedToolCall(5)));
    String garbageKey = "garbage-" + tenant;
    topics.publishRaw(Topics.EXECUTIONS, garbageKey, "not avro".getBytes(StandardCharsets.UTF_8));

    runToTheEnd();

    List<PatternDetected> patterns = patternsOfTenant();
    assertThat(patterns)
        .extracting(
            PatternDetected::getErrorType, PatternDetected::getStatus, p -> p.getOccurrences())
        .containsExactlyInAnyOrder(
            tuple("ModuleNotFoundError", PatternStatus.NEW, 1L),
            tuple("ModuleNotFoundError", PatternStatus.RECURRING, 2L),
            tuple("ModuleNotFoundError", PatternStatus.RECURRING, 3L),
            tuple(
                patterns.stream()
                    .filter(p -> p.getSignature().contains("ENOENT"))
                    .findFirst()
                    .map(PatternDetected::getErrorType)
                    .orElse("tool-call pattern missing"),
                PatternStatus.NEW,
                1L));
    PatternDetected latest =
        patterns.stream().max(Comparator.comparing(PatternDetected::getOccurrences)).orElseThrow();
    assertThat(latest.getHeader().getProjectId()).isEqualTo("project-1");
    assertThat(latest.getAgentsAffected()).isEqualTo(3);
    assertThat(latest.getExamples()).hasSize(3);
    assertThat(latest.getFirstSeenAt()).isEqualTo(t0.plusSeconds(1));
    assertThat(latest.getLastSeenAt()).isEqualTo(t0.plusSeconds(3));

    assertThat(topics.deadLettersKeyed(garbageKey))
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.getStage()).isEqualTo(ErrorPatternsJob.NAME);
              assertThat(letter.getSourceTopic()).isEqualTo(Topics.EXECUTIONS.name());
              assertThat(letter.getReason()).startsWith("cannot read " + Topics.EXECUTIONS.name());
            });
  }

  @Test
  void theSameHistoryReplayedMakesTheSameDetections() throws Exception {
    topics.publish(
        Topics.EXECUTIONS,
        List.of(
            failedRun(1, "/a/app.py", 1, "requests"),
            failedRun(2, "/b/app.py", 2, "requests"),
            failedRun(3, "/c/app.py", 3, "requests")));

    runToTheEnd();
    List<PatternDetected> first = patternsOfTenant();
    runToTheEnd();

    assertThat(first).hasSize(3);
    SameOutputs.assertRepeated(first, patternsOfTenant());
  }

  private void runToTheEnd() throws Exception {
    topics.replay(
        ErrorPatternsJob.NAME,
        (env, io, outOfOrderness) ->
            ErrorPatternsJob.define(env, io, PatternSettings.forReplay(), outOfOrderness));
  }

  private List<PatternDetected> patternsOfTenant() {
    return topics.committedOf(Topics.PATTERNS, PatternDetected.class, tenant);
  }

  private EventHeader header(int second, String agent) {
    return EventHeader.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(t0.plusSeconds(second))
        .setTenantId(tenant)
        .setProjectId("project-1")
        .setAgentId(agent)
        .setSessionId("session-" + second)
        .setSource("it")
        .build();
  }

  private ExecutionCompleted failedRun(int second, String path, int line, String module) {
    String stderr =
        "Traceback (most recent call last):\n"
            + "  File \""
            + path
            + "\", line "
            + line
            + ", in <module>\n"
            + "    import "
            + module
            + "\n"
            + "ModuleNotFoundError: No module named '"
            + module
            + "'\n";
    return ExecutionCompleted.newBuilder()
        .setHeader(header(second, "agent-" + second))
        .setExecutionId("exec-" + second)
        .setOutcome(ExecutionOutcome.FAILED)
        .setExitCode(1)
        .setTimedOut(false)
        .setDurationMs(120)
        .setCpuTimeMs(80)
        .setPeakMemoryBytes(10_000_000)
        .setStdoutExcerpt("")
        .setStderrExcerpt(stderr)
        .build();
  }

  private ExecutionCompleted succeededRun(int second) {
    return ExecutionCompleted.newBuilder(failedRun(second, "/a.py", 1, "os"))
        .setOutcome(ExecutionOutcome.SUCCEEDED)
        .setExitCode(0)
        .setStderrExcerpt("")
        .build();
  }

  private ToolCallRecorded failedToolCall(int second) {
    return ToolCallRecorded.newBuilder()
        .setHeader(header(second, "agent-tools"))
        .setToolCallId("call-" + second)
        .setToolName("read_file")
        .setArgumentsJson("{\"path\":\"/srv/app/config.yml\"}")
        .setStatus(ToolCallStatus.FAILED)
        .setErrorMessage("Error: ENOENT: no such file or directory, open '/srv/app/config.yml'")
        .setDurationMs(3)
        .build();
  }
}
