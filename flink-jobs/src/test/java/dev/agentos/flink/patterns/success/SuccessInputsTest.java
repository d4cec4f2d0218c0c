package dev.agentos.flink.patterns.success;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationVerdict;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.SuggestionFormat;
import dev.agentos.events.interactions.ToolCallRecorded;
import dev.agentos.events.interactions.ToolCallStatus;
import dev.agentos.flink.io.SourcePosition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SuccessInputsTest {

  private static final SourcePosition AT = new SourcePosition("agentos.interactions.v1", 3, 42);
  private final SuccessInputs inputs = new SuccessInputs();

  @Test
  void mapsAProposalWithItsLanguageInLowerCase() {
    CodeSuggestionProposed proposal =
        CodeSuggestionProposed.newBuilder()
            .setHeader(header("s-1"))
            .setSuggestionId("sug-1")
            .setLanguage(" Python ")
            .setFilePath("src/app.py")
            .setFormat(SuggestionFormat.FULL_FILE)
            .setCode("print(1)")
            .build();

    assertThat(inputs.map(proposal, AT))
        .singleElement()
        .satisfies(
            input -> {
              assertThat(input.kind()).isEqualTo(SuccessInputKind.PROPOSAL);
              assertThat(input.language()).isEqualTo("python");
              assertThat(input.format()).isEqualTo("FULL_FILE");
              assertThat(input.filePath()).isEqualTo("src/app.py");
              assertThat(input.sessionId()).isEqualTo("s-1");
              assertThat(input.eventTimeMillis()).isEqualTo(1_000);
              assertThat(input.position()).isEqualTo(AT);
            });
  }

  @Test
  void anErrorVerdictSaysNothingAboutTheSuggestion() {
    assertThat(inputs.map(verification(VerificationVerdict.ERROR), AT)).isEmpty();
    assertThat(inputs.map(verification(VerificationVerdict.FAILED), AT))
        .singleElement()
        .satisfies(input -> assertThat(input.passed()).isFalse());
    assertThat(inputs.map(verification(VerificationVerdict.PASSED), AT))
        .singleElement()
        .satisfies(input -> assertThat(input.passed()).isTrue());
  }

  @Test
  void aToolCallOutsideASessionMakesNoInput() {
    assertThat(inputs.map(toolCall(""), AT)).isEmpty();
    assertThat(inputs.map(toolCall(null), AT)).isEmpty();
    assertThat(inputs.map(toolCall("s-1"), AT))
        .singleElement()
        .satisfies(input -> assertThat(input.toolName()).isEqualTo("read_file"));
  }

  private static ToolCallRecorded toolCall(String session) {
    return ToolCallRecorded.newBuilder()
        .setHeader(header(session))
        .setToolCallId("call-1")
        .setToolName("read_file")
        .setArgumentsJson("{}")
        .setStatus(ToolCallStatus.FAILED)
        .setDurationMs(3)
        .build();
  }

  private static VerificationCompleted verification(VerificationVerdict verdict) {
    return VerificationCompleted.newBuilder()
        .setHeader(header("s-1"))
        .setVerificationId("ver-1")
        .setSuggestionId("sug-1")
        .setExecutionId("exec-1")
        .setVerdict(verdict)
        .setTestsRun(3)
        .setPassed(3)
        .setFailed(0)
        .build();
  }

  private static EventHeader header(String session) {
    return EventHeader.newBuilder()
        .setEventId("e-1")
        .setOccurredAt(Instant.ofEpochMilli(1_000))
        .setTenantId("tenant-1")
        .setProjectId("project-1")
        .setAgentId("agent-1")
        .setSessionId(session)
        .setSource("test")
        .build();
  }
}
