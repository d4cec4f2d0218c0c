package dev.agentos.flink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.FeatureEntity;
import dev.agentos.events.derived.FeatureVectorComputed;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionLimits;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationVerdict;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.ConversationTurnRecorded;
import dev.agentos.events.interactions.SuggestionFormat;
import dev.agentos.events.interactions.SuggestionOutcome;
import dev.agentos.events.interactions.SuggestionOutcomeRecorded;
import dev.agentos.events.interactions.ToolCallRecorded;
import dev.agentos.events.interactions.ToolCallStatus;
import dev.agentos.events.interactions.TurnRole;
import dev.agentos.flink.features.FeatureWindowSettings;
import dev.agentos.flink.features.FeaturesJob;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import dev.agentos.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The features job on a MiniCluster against the real Kafka and registry, with its production
 * windows (1 h tumbling; 24 h sliding every hour): three hours of two agents' work, each in a
 * session of its own, in; a vector per entity and window out, with the values the history calls
 * for; and the same history replayed giving the same vectors. Each test is its own tenant, on
 * topics of its own.
 */
@ExtendWith(LocalStackExtension.class)
class FeaturesJobIT {

  private static final String PROJECT = "project-1";

  private final String tenant = "tenant-" + UUID.randomUUID();
  private final Instant t0 = DerivedTopics.newHistoryStart();
  private DerivedTopics topics;

  @BeforeAll
  static void trustGeneratedClasses() {
    GeneratedAvroClasses.trust();
  }

  @BeforeEach
  void connect(StackEndpoints stack) throws Exception {
    this.topics = DerivedTopics.ofOwnTopics(stack);
  }

  @AfterEach
  void deleteTopics() throws Exception {
    if (topics != null) {
      topics.close();
    }
  }

  @Test
  void twoAgentsWorkBecomesTheirVectorsPerEntityAndWindow() throws Exception {
    publishTheHistory();

    replay();

    List<FeatureVectorComputed> vectors = vectorsOfTenant();
    // Tumbling: an hour of data is a vector; agent and session a worked hours 0-2, b hours 0-1.
    // Sliding: every 24 h window that holds an hour of data, ending 1 h to 24 h after it.
    assertThat(countsByEntityAndWindow(vectors))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "PROJECT 1h",
                3L,
                "AGENT 1h",
                5L,
                "SESSION 1h",
                5L,
                "PROJECT 24h",
                26L,
                "AGENT 24h",
                51L,
                "SESSION 24h",
                51L));
    assertThat(vectors).extracting(v -> v.getHeader().getEventId()).doesNotHaveDuplicates();

    // Agent a's first hour: a failed run, its retry that passed, and a test run among 4 actions.
    FeatureVectorComputed agentA = vector(vectors, FeatureEntity.AGENT, "agent-a", "1h", 1);
    assertThat(agentA.getHeader().getAgentId()).isEqualTo("agent-a");
    assertThat(agentA.getAsOf()).isEqualTo(t0.plus(Duration.ofHours(1)));
    assertThat(value(agentA, "execution.count.1h")).isEqualTo(2.0);
    assertThat(value(agentA, "execution.success.rate.1h")).isEqualTo(0.5);
    assertThat(value(agentA, "execution.duration.p50.ms.1h")).isEqualTo(1_000.0);
    assertThat(value(agentA, "execution.duration.p95.ms.1h")).isEqualTo(3_000.0);
    assertThat(value(agentA, "execution.retry.count.1h")).isEqualTo(1.0);
    assertThat(value(agentA, "tool.call.count.1h")).isEqualTo(2.0);
    assertThat(value(agentA, "tool.error.rate.1h")).isEqualTo(0.0);
    assertThat(value(agentA, "tokens.input.sum.1h")).isEqualTo(1_000.0);
    assertThat(value(agentA, "tokens.output.sum.1h")).isEqualTo(200.0);
    assertThat(value(agentA, "session.early.test.share.1h")).isEqualTo(0.75);
    assertThat(agentA.getFeatureNames()).doesNotContain("suggestion.acceptance.rate.1h");

    // Agent b's first hour: two failing reads of the same file (a loop), a cancel, two bad runs.
    FeatureVectorComputed agentB = vector(vectors, FeatureEntity.AGENT, "agent-b", "1h", 1);
    assertThat(value(agentB, "tool.call.count.1h")).isEqualTo(4.0);
    assertThat(value(agentB, "tool.error.rate.1h")).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(value(agentB, "tool.repeat.count.1h")).isEqualTo(1.0);
    assertThat(value(agentB, "tool.read_file.calls.1h")).isEqualTo(2.0);
    assertThat(value(agentB, "execution.count.1h")).isEqualTo(2.0);
    assertThat(value(agentB, "execution.success.rate.1h")).isEqualTo(0.0);
    assertThat(value(agentB, "execution.retry.count.1h")).isEqualTo(0.0);

    // Session b's second hour: one suggestion rejected, one edited, verified failed then passed.
    FeatureVectorComputed sessionB = vector(vectors, FeatureEntity.SESSION, "session-b", "1h", 2);
    assertThat(sessionB.getHeader().getSessionId()).isEqualTo("session-b");
    assertThat(value(sessionB, "suggestion.count.1h")).isEqualTo(2.0);
    assertThat(value(sessionB, "suggestion.file.count.1h")).isEqualTo(2.0);
    assertThat(value(sessionB, "suggestion.acceptance.rate.1h")).isEqualTo(0.5);
    assertThat(value(sessionB, "suggestion.edit.rate.1h")).isEqualTo(0.5);
    assertThat(value(sessionB, "verification.count.1h")).isEqualTo(2.0);
    assertThat(value(sessionB, "verification.pass.rate.1h")).isEqualTo(0.5);
    assertThat(value(sessionB, "verification.test.pass.rate.1h")).isEqualTo(0.8);
    assertThat(value(sessionB, "verification.flipped.count.1h")).isEqualTo(1.0);

    // The project's first whole day holds all of it; the sandbox's own failure is not the agents'.
    FeatureVectorComputed day = vector(vectors, FeatureEntity.PROJECT, "", "24h", 24);
    assertThat(day.getEntityId()).isEqualTo(tenant + "/" + PROJECT);
    assertThat(value(day, "execution.count.24h")).isEqualTo(6.0);
    assertThat(value(day, "execution.success.rate.24h")).isEqualTo(0.4);
    assertThat(value(day, "execution.retry.count.24h")).isEqualTo(1.0);
    assertThat(value(day, "tool.call.count.24h")).isEqualTo(6.0);
    assertThat(value(day, "suggestion.acceptance.rate.24h")).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(value(day, "verification.pass.rate.24h")).isCloseTo(2.0 / 3, within(1e-9));
    // The day window ending 1 h after the last run saw the same; the one after it lost hour 0.
    assertThat(vector(vectors, FeatureEntity.PROJECT, "", "24h", 3).getFeatureValues())
        .isEqualTo(day.getFeatureValues());
    assertThat(value(vector(vectors, FeatureEntity.PROJECT, "", "24h", 25), "execution.count.24h"))
        .isEqualTo(2.0);
  }

  @Test
  void theSameHistoryReplayedComputesTheSameVectors() throws Exception {
    publishTheHistory();

    replay();
    List<FeatureVectorComputed> first = vectorsOfTenant();
    replay();

    SameOutputs.assertRepeated(first, vectorsOfTenant());
  }

  private void replay() throws Exception {
    topics.replay(
        FeaturesJob.NAME,
        (env, io, outOfOrderness) ->
            FeaturesJob.define(env, io, FeatureWindowSettings.defaults(), outOfOrderness));
  }

  private List<FeatureVectorComputed> vectorsOfTenant() {
    return topics.committedOf(Topics.FEATURES, FeatureVectorComputed.class, tenant);
  }

  /**
   * Agent a in session a and agent b in session b, over hours 0 to 2 of the history, every event at
   * a minute of its own, each topic written in event-time order.
   */
  private void publishTheHistory() throws Exception {
    topics.publish(
        Topics.INTERACTIONS,
        List.of(
            turn(5, "a", 1_000, 200),
            toolCall(6, "b", "read_file", "{\"path\":\"README.md\"}", ToolCallStatus.FAILED),
            toolCall(8, "b", "read_file", "{\"path\":\"README.md\"}", ToolCallStatus.FAILED),
            toolCall(9, "b", "grep", "{\"pattern\":\"main\"}", ToolCallStatus.SUCCEEDED),
            toolCall(10, "a", "read_file", "{\"path\":\"src/app.py\"}", ToolCallStatus.SUCCEEDED),
            toolCall(11, "b", "bash", "{\"command\":\"ls\"}", ToolCallStatus.CANCELLED),
            toolCall(20, "a", "bash", "{\"command\":\"pytest -q\"}", ToolCallStatus.SUCCEEDED),
            proposed(65, "b", "sug-b1", "src/a.py"),
            proposed(66, "b", "sug-b2", "src/b.py"),
            outcome(67, "b", "sug-b1", SuggestionOutcome.REJECTED),
            outcome(68, "b", "sug-b2", SuggestionOutcome.EDITED),
            proposed(70, "a", "sug-a1", "src/app.py"),
            outcome(72, "a", "sug-a1", SuggestionOutcome.ACCEPTED)));
    topics.publish(
        Topics.EXECUTIONS,
        List.of(
            requested(12, "a", "exec-a1", "pytest -q"),
            completed(14, "a", "exec-a1", ExecutionOutcome.FAILED, 1, 1_000),
            completed(15, "b", "exec-b1", ExecutionOutcome.FAILED, 1, 500),
            requested(16, "a", "exec-a2", "pytest  -q"),
            completed(17, "b", "exec-b2", ExecutionOutcome.TIMED_OUT, null, 5_000),
            completed(18, "a", "exec-a2", ExecutionOutcome.SUCCEEDED, 0, 3_000),
            completed(75, "a", "exec-a3", ExecutionOutcome.SUCCEEDED, 0, 2_000),
            verified(78, "a", "sug-a1", VerificationVerdict.PASSED, 5, 0),
            verified(80, "b", "sug-b2", VerificationVerdict.FAILED, 3, 2),
            verified(85, "b", "sug-b2", VerificationVerdict.PASSED, 5, 0),
            completed(130, "a", "exec-a4", ExecutionOutcome.SANDBOX_ERROR, null, 100)));
  }

  /** The vector of the entity whose id ends with {@code idSuffix}, ending {@code hours} in. */
  private FeatureVectorComputed vector(
      List<FeatureVectorComputed> vectors,
      FeatureEntity entity,
      String idSuffix,
      String window,
      int hours) {
    Instant end = t0.plus(Duration.ofHours(hours));
    return vectors.stream()
        .filter(v -> v.getEntityType() == entity && v.getEntityId().endsWith(idSuffix))
        .filter(v -> v.getWindow().equals(window) && v.getAsOf().equals(end))
        .reduce(
            (one, other) -> {
              throw new AssertionError("two vectors of " + entity + " " + idSuffix + " at " + end);
            })
        .orElseThrow(() -> new AssertionError("no vector of " + entity + " " + idSuffix + end));
  }

  private static double value(FeatureVectorComputed vector, String name) {
    int at = vector.getFeatureNames().indexOf(name);
    assertThat(at).as(name + " in " + vector.getFeatureNames()).isNotNegative();
    return vector.getFeatureValues().get(at);
  }

  private static Map<String, Long> countsByEntityAndWindow(List<FeatureVectorComputed> vectors) {
    return vectors.stream()
        .collect(
            Collectors.groupingBy(
                v -> v.getEntityType() + " " + v.getWindow(), Collectors.counting()));
  }

  private EventHeader header(int minute, String who) {
    return EventHeader.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(t0.plus(Duration.ofMinutes(minute)))
        .setTenantId(tenant)
        .setProjectId(PROJECT)
        .setAgentId("agent-" + who)
        .setSessionId("session-" + who)
        .setSource("it")
        .build();
  }

  private ConversationTurnRecorded turn(int minute, String who, int input, int output) {
    return ConversationTurnRecorded.newBuilder()
        .setHeader(header(minute, who))
        .setTurnId("turn-" + minute)
        .setTurnIndex(0)
        .setRole(TurnRole.ASSISTANT)
        .setContent("let me look")
        .setInputTokens(input)
        .setOutputTokens(output)
        .build();
  }

  private ToolCallRecorded toolCall(
      int minute, String who, String tool, String arguments, ToolCallStatus status) {
    return ToolCallRecorded.newBuilder()
        .setHeader(header(minute, who))
        .setToolCallId("call-" + minute)
        .setToolName(tool)
        .setArgumentsJson(arguments)
        .setStatus(status)
        .setErrorMessage(status == ToolCallStatus.FAILED ? "ENOENT" : null)
        .setDurationMs(5)
        .build();
  }

  private CodeSuggestionProposed proposed(int minute, String who, String id, String file) {
    return CodeSuggestionProposed.newBuilder()
        .setHeader(header(minute, who))
        .setSuggestionId(id)
        .setLanguage("python")
        .setFilePath(file)
        .setFormat(SuggestionFormat.UNIFIED_DIFF)
        .setCode("--- a\n+++ b\n")
        .build();
  }

  private SuggestionOutcomeRecorded outcome(
      int minute, String who, String id, SuggestionOutcome outcome) {
    return SuggestionOutcomeRecorded.newBuilder()
        .setHeader(header(minute, who))
        .setSuggestionId(id)
        .setOutcome(outcome)
        .build();
  }

  private ExecutionRequested requested(int minute, String who, String id, String command) {
    return ExecutionRequested.newBuilder()
        .setHeader(header(minute, who))
        .setExecutionId(id)
        .setLanguage("python")
        .setCommand(command)
        .setLimits(
            ExecutionLimits.newBuilder()
                .setCpuTimeMs(1_000L)
                .setMemoryBytes(64L << 20)
                .setWallTimeoutMs(5_000L)
                .build())
        .build();
  }

  private ExecutionCompleted completed(
      int minute, String who, String id, ExecutionOutcome outcome, Integer exitCode, long ms) {
    return ExecutionCompleted.newBuilder()
        .setHeader(header(minute, who))
        .setExecutionId(id)
        .setOutcome(outcome)
        .setExitCode(exitCode)
        .setTimedOut(outcome == ExecutionOutcome.TIMED_OUT)
        .setDurationMs(ms)
        .setCpuTimeMs(ms / 2)
        .setPeakMemoryBytes(10_000_000)
        .setStdoutExcerpt("")
        .setStderrExcerpt(outcome == ExecutionOutcome.SUCCEEDED ? "" : "AssertionError: boom")
        .build();
  }

  private VerificationCompleted verified(
      int minute, String who, String suggestion, VerificationVerdict verdict, int ok, int bad) {
    return VerificationCompleted.newBuilder()
        .setHeader(header(minute, who))
        .setVerificationId("ver-" + minute)
        .setSuggestionId(suggestion)
        .setExecutionId("exec-ver-" + minute)
        .setVerdict(verdict)
        .setTestsRun(ok + bad)
        .setPassed(ok)
        .setFailed(bad)
        .build();
  }
}
