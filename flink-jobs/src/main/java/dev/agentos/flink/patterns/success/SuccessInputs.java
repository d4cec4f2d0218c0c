package dev.agentos.flink.patterns.success;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationVerdict;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.ToolCallRecorded;
import dev.agentos.flink.io.EventMapper;
import dev.agentos.flink.io.SourcePosition;
import java.util.List;
import java.util.Locale;
import org.apache.avro.specific.SpecificRecord;

/**
 * Maps the canonical interaction and execution events to what the success pattern job uses: tool
 * calls in a session (whatever their status: the sequence is what the agent did), proposals, and
 * the PASSED or FAILED verdicts. An ERROR verdict means the tests could not be run or read, which
 * says nothing about the suggestion, so it makes no input; nor does a tool call outside a session,
 * which no proposal can follow.
 */
public final class SuccessInputs implements EventMapper<SuccessInput> {

  private static final long serialVersionUID = 1L;

  @Override
  public List<SuccessInput> map(SpecificRecord event, SourcePosition position) {
    if (event instanceof ToolCallRecorded call && sessionOf(call.getHeader()) != null) {
      return List.of(
          input(SuccessInputKind.TOOL_CALL, call.getHeader(), null, position)
              .toolName(call.getToolName().strip())
              .build());
    }
    if (event instanceof CodeSuggestionProposed proposal) {
      return List.of(
          input(
                  SuccessInputKind.PROPOSAL,
                  proposal.getHeader(),
                  proposal.getSuggestionId(),
                  position)
              .language(proposal.getLanguage().strip().toLowerCase(Locale.ROOT))
              .format(proposal.getFormat().name())
              .filePath(proposal.getFilePath())
              .build());
    }
    if (event instanceof VerificationCompleted verification
        && verification.getVerdict() != VerificationVerdict.ERROR) {
      return List.of(
          input(
                  SuccessInputKind.VERDICT,
                  verification.getHeader(),
                  verification.getSuggestionId(),
                  position)
              .passed(verification.getVerdict() == VerificationVerdict.PASSED)
              .build());
    }
    return List.of();
  }

  private static Builder input(
      SuccessInputKind kind, EventHeader header, String suggestionId, SourcePosition position) {
    Builder builder = new Builder();
    builder.kind = kind;
    builder.header = header;
    builder.suggestionId = suggestionId;
    builder.position = position;
    return builder;
  }

  private static String sessionOf(EventHeader header) {
    String session = header.getSessionId();
    return session == null || session.isEmpty() ? null : session;
  }

  /** The values one kind sets; the others stay null or false. */
  private static final class Builder {
    private SuccessInputKind kind;
    private EventHeader header;
    private String suggestionId;
    private SourcePosition position;
    private String toolName;
    private String language;
    private String format;
    private String filePath;
    private boolean passed;

    Builder toolName(String value) {
      toolName = value;
      return this;
    }

    Builder language(String value) {
      language = value;
      return this;
    }

    Builder format(String value) {
      format = value;
      return this;
    }

    Builder filePath(String value) {
      filePath = value;
      return this;
    }

    Builder passed(boolean value) {
      passed = value;
      return this;
    }

    SuccessInput build() {
      return new SuccessInput(
          kind,
          header.getEventId(),
          header.getTenantId(),
          header.getProjectId(),
          header.getAgentId(),
          sessionOf(header),
          suggestionId,
          toolName,
          language,
          format,
          filePath,
          passed,
          null,
          header.getOccurredAt().toEpochMilli(),
          position);
    }
  }
}
