package dev.agentos.flink.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionLimits;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.ExecutionStarted;
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
import dev.agentos.flink.io.SourcePosition;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

class ActivitiesTest {

  private static final Instant AT = Instant.parse("2025-03-01T12:00:00.250Z");
  private static final SourcePosition POSITION = new SourcePosition("interactions.raw", 2, 41L);

  @Test
  void turnCarriesScopeTimePositionAndTokens() {
    Activity turn = only(turn(1_200, 300));

    assertThat(turn)
        .isEqualTo(
            Activity.builder(
                    POSITION, AT.toEpochMilli(), "acme", "web", "agent-7", "s-1", ActivityKind.TURN)
                .tokens(1_200, 300)
                .build());
    assertThat(turn.eventTimeMillis()).isEqualTo(1_740_830_400_250L);
  }

  @Test
  void turnWithoutUsageCountsNoTokens() {
    Activity turn = only(turn(null, null));

    assertThat(turn.inputTokens()).isZero();
    assertThat(turn.outputTokens()).isZero();
  }

  @Test
  void toolCallCarriesToolDurationOutcomeAndWhetherItRunsTests() {
    Activity call =
        only(toolCall("bash", "{\"command\": \"pytest -q tests/\"}", ToolCallStatus.SUCCEEDED));

    assertThat(call.kind()).isEqualTo(ActivityKind.TOOL_CALL);
    assertThat(call.toolName()).isEqualTo("bash");
    assertThat(call.outcome()).isEqualTo(ActivityOutcome.SUCCEEDED);
    assertThat(call.durationMs()).isEqualTo(850L);
    assertThat(call.testRun()).isTrue();
    assertThat(
            only(toolCall("read_file", "{\"path\": \"tests/a.py\"}", ToolCallStatus.SUCCEEDED))
                .testRun())
        .isFalse();
  }

  @Test
  void toolCallStatusesMapToFailedOrCancelled() {
    assertThat(only(toolCall("bash", "{}", ToolCallStatus.FAILED)).outcome())
        .isEqualTo(ActivityOutcome.FAILED);
    assertThat(only(toolCall("bash", "{}", ToolCallStatus.TIMED_OUT)).outcome())
        .isEqualTo(ActivityOutcome.FAILED);
    assertThat(only(toolCall("bash", "{}", ToolCallStatus.CANCELLED)).outcome())
        .isEqualTo(ActivityOutcome.CANCELLED);
  }

  @Test
  void identicalToolCallsHashAlikeAndDifferentOnesDoNot() {
    long ls =
        only(toolCall("bash", "{\"command\": \"ls  -la\"}", ToolCallStatus.SUCCEEDED))
            .commandHash();

    assertThat(
            only(toolCall("bash", " {\"command\": \"ls -la\"} ", ToolCallStatus.FAILED))
                .commandHash())
        .isEqualTo(ls);
    assertThat(
            only(toolCall("shell", "{\"command\": \"ls -la\"}", ToolCallStatus.SUCCEEDED))
                .commandHash())
        .isNotEqualTo(ls);
    assertThat(
            only(toolCall("bash", "{\"command\": \"ls -l\"}", ToolCallStatus.SUCCEEDED))
                .commandHash())
        .isNotEqualTo(ls);
  }

  @Test
  void suggestionProposalCarriesItsFileAndId() {
    Activity proposed = only(proposed("src/App.java"));

    assertThat(proposed.kind()).isEqualTo(ActivityKind.SUGGESTION_PROPOSED);
    assertThat(proposed.filePath()).isEqualTo("src/App.java");
    assertThat(proposed.suggestionId()).isEqualTo("sug-1");
    assertThat(only(proposed(null)).filePath()).isNull();
  }

  @Test
  void suggestionOutcomeCarriesWhatWasDone() {
    for (SuggestionOutcome outcome : SuggestionOutcome.values()) {
      Activity recorded = only(outcome(outcome));

      assertThat(recorded.kind()).isEqualTo(ActivityKind.SUGGESTION_OUTCOME);
      assertThat(recorded.outcome().name()).isEqualTo(outcome.name());
      assertThat(recorded.suggestionId()).isEqualTo("sug-1");
    }
  }

  @Test
  void executionRequestHashesLanguageAndCommandAndSeesTestRuns() {
    Activity tests = only(requested("python", "pytest  -q", null));

    assertThat(tests.kind()).isEqualTo(ActivityKind.EXECUTION_REQUESTED);
    assertThat(tests.testRun()).isTrue();
    assertThat(only(requested("python", " pytest -q ", null)).commandHash())
        .isEqualTo(tests.commandHash());
    assertThat(only(requested("python3", "pytest -q", null)).commandHash())
        .isNotEqualTo(tests.commandHash());
    assertThat(only(requested("python", null, "print(1)")).testRun()).isFalse();
  }

  @Test
  void executionRequestWithoutCommandIsIdentifiedByItsCode() {
    long code = only(requested("python", null, "print(1)")).commandHash();

    assertThat(only(requested("python", null, "print(1)")).commandHash()).isEqualTo(code);
    assertThat(only(requested("python", null, "print(2)")).commandHash()).isNotEqualTo(code);
    assertThat(only(requested("python", "print(1)", null)).commandHash()).isNotEqualTo(code);
  }

  @Test
  void completedRunSucceedsOnExitZeroWithinTheTimeout() {
    Activity run = only(completed(ExecutionOutcome.SUCCEEDED, 0, false));

    assertThat(run.kind()).isEqualTo(ActivityKind.EXECUTION_COMPLETED);
    assertThat(run.outcome()).isEqualTo(ActivityOutcome.SUCCEEDED);
    assertThat(run.durationMs()).isEqualTo(1_234L);
    assertThat(only(completed(ExecutionOutcome.FAILED, 1, false)).outcome())
        .isEqualTo(ActivityOutcome.FAILED);
    assertThat(only(completed(ExecutionOutcome.TIMED_OUT, 0, true)).outcome())
        .isEqualTo(ActivityOutcome.FAILED);
    assertThat(only(completed(ExecutionOutcome.LIMIT_EXCEEDED, null, false)).outcome())
        .isEqualTo(ActivityOutcome.FAILED);
  }

  @Test
  void sandboxErrorIsThePlatformsNotTheAgents() {
    assertThat(only(completed(ExecutionOutcome.SANDBOX_ERROR, null, false)).outcome())
        .isEqualTo(ActivityOutcome.ERROR);
  }

  @Test
  void verificationCarriesVerdictSuggestionAndTestCounts() {
    Activity passed = only(verified(VerificationVerdict.PASSED, 12, 0));

    assertThat(passed.kind()).isEqualTo(ActivityKind.VERIFICATION_COMPLETED);
    assertThat(passed.outcome()).isEqualTo(ActivityOutcome.SUCCEEDED);
    assertThat(passed.suggestionId()).isEqualTo("sug-1");
    assertThat(passed.testsPassed()).isEqualTo(12);
    assertThat(passed.testsFailed()).isZero();
    assertThat(only(verified(VerificationVerdict.FAILED, 10, 2)).outcome())
        .isEqualTo(ActivityOutcome.FAILED);
    assertThat(only(verified(VerificationVerdict.ERROR, 0, 0)).outcome())
        .isEqualTo(ActivityOutcome.ERROR);
  }

  @Test
  void emptySessionIsNoSession() {
    ConversationTurnRecorded turn = turn(1, 1);
    turn.getHeader().setSessionId("");

    assertThat(only(turn).sessionId()).isNull();
  }

  @Test
  void eventsNoFeatureUsesMapToNothing() {
    ExecutionStarted started =
        ExecutionStarted.newBuilder()
            .setHeader(header())
            .setExecutionId("exec-1")
            .setSandboxId("sb-1")
            .setRuntime("python:3.12.4")
            .setQueuedMs(5L)
            .build();

    assertThat(Activities.of(started, POSITION)).isEmpty();
  }

  @Test
  void flinkSerializesTheActivityAsAPojoNotWithKryo() {
    TypeInformation<Activity> type = TypeInformation.of(Activity.class);

    assertThat(type).isInstanceOf(PojoTypeInfo.class).isNotInstanceOf(GenericTypeInfo.class);
    PojoTypeInfo<Activity> pojo = (PojoTypeInfo<Activity>) type;
    for (int i = 0; i < pojo.getArity(); i++) {
      assertThat(pojo.getTypeAt(i))
          .as(pojo.getPojoFieldAt(i).getField().getName())
          .isNotInstanceOf(GenericTypeInfo.class);
    }
  }

  private static Activity only(org.apache.avro.specific.SpecificRecord event) {
    List<Activity> activities = Activities.of(event, POSITION);
    assertThat(activities).hasSize(1);
    Activity activity = activities.get(0);
    assertThat(activity.position()).isEqualTo(POSITION);
    assertThat(activity.tenantId()).isEqualTo("acme");
    assertThat(activity.agentId()).isEqualTo("agent-7");
    return activity;
  }

  private static EventHeader header() {
    return EventHeader.newBuilder()
        .setEventId("0b6f3f1e-5a4c-4d3e-9f2a-7c1b2d3e4f50")
        .setOccurredAt(AT)
        .setTenantId("acme")
        .setProjectId("web")
        .setAgentId("agent-7")
        .setSessionId("s-1")
        .setSource("http")
        .build();
  }

  private static ConversationTurnRecorded turn(Integer input, Integer output) {
    return ConversationTurnRecorded.newBuilder()
        .setHeader(header())
        .setTurnId("t-1")
        .setTurnIndex(0)
        .setRole(TurnRole.ASSISTANT)
        .setContent("hello")
        .setInputTokens(input)
        .setOutputTokens(output)
        .build();
  }

  private static ToolCallRecorded toolCall(String tool, String arguments, ToolCallStatus status) {
    return ToolCallRecorded.newBuilder()
        .setHeader(header())
        .setToolCallId("call-1")
        .setToolName(tool)
        .setArgumentsJson(arguments)
        .setStatus(status)
        .setDurationMs(850L)
        .build();
  }

  private static CodeSuggestionProposed proposed(String filePath) {
    return CodeSuggestionProposed.newBuilder()
        .setHeader(header())
        .setSuggestionId("sug-1")
        .setLanguage("java")
        .setFilePath(filePath)
        .setFormat(SuggestionFormat.UNIFIED_DIFF)
        .setCode("--- a\n+++ b\n")
        .build();
  }

  private static SuggestionOutcomeRecorded outcome(SuggestionOutcome outcome) {
    return SuggestionOutcomeRecorded.newBuilder()
        .setHeader(header())
        .setSuggestionId("sug-1")
        .setOutcome(outcome)
        .build();
  }

  private static ExecutionRequested requested(String language, String command, String code) {
    return ExecutionRequested.newBuilder()
        .setHeader(header())
        .setExecutionId("exec-1")
        .setLanguage(language)
        .setCommand(command)
        .setCode(code)
        .setLimits(
            ExecutionLimits.newBuilder()
                .setCpuTimeMs(1_000L)
                .setMemoryBytes(64L << 20)
                .setWallTimeoutMs(5_000L)
                .build())
        .build();
  }

  private static ExecutionCompleted completed(
      ExecutionOutcome outcome, Integer exitCode, boolean timedOut) {
    return ExecutionCompleted.newBuilder()
        .setHeader(header())
        .setExecutionId("exec-1")
        .setOutcome(outcome)
        .setExitCode(exitCode)
        .setTimedOut(timedOut)
        .setDurationMs(1_234L)
        .setCpuTimeMs(900L)
        .setPeakMemoryBytes(64L << 20)
        .setStdoutExcerpt("")
        .setStderrExcerpt("")
        .build();
  }

  private static VerificationCompleted verified(
      VerificationVerdict verdict, int passed, int failed) {
    return VerificationCompleted.newBuilder()
        .setHeader(header())
        .setVerificationId("ver-1")
        .setSuggestionId("sug-1")
        .setExecutionId("exec-1")
        .setVerdict(verdict)
        .setTestsRun(passed + failed)
        .setPassed(passed)
        .setFailed(failed)
        .build();
  }
}
