package dev.agentos.flink.patterns.success;

import dev.agentos.flink.io.FromSource;
import dev.agentos.flink.io.SourcePosition;

/**
 * What the success pattern job needs of one canonical event: a tool call, a code suggestion's
 * proposal, or its verification's verdict. Flat and of Flink-known types, so it travels between
 * operators without Kryo; the fields a kind does not use are null or false.
 *
 * @param eventId the event's id
 * @param sessionId null outside a session
 * @param suggestionId proposals and verdicts: the suggestion they are about
 * @param toolName tool calls: the tool called
 * @param language proposals: the suggestion's language, lower case
 * @param format proposals: how the code is expressed ({@code SuggestionFormat}'s name)
 * @param filePath proposals: the file it changes, null for a free-standing snippet
 * @param passed verdicts: PASSED (true) or FAILED (false); an ERROR verdict makes no input
 * @param toolSequence proposals: the tools called before it in its session, set by {@link
 *     ToolSequences} ({@code ""} when none were, null outside a session or before it ran)
 */
public record SuccessInput(
    SuccessInputKind kind,
    String eventId,
    String tenantId,
    String projectId,
    String agentId,
    String sessionId,
    String suggestionId,
    String toolName,
    String language,
    String format,
    String filePath,
    boolean passed,
    String toolSequence,
    long eventTimeMillis,
    SourcePosition position)
    implements FromSource {

  /** This proposal, with the tools called before it. */
  SuccessInput withToolSequence(String sequence) {
    return new SuccessInput(
        kind,
        eventId,
        tenantId,
        projectId,
        agentId,
        sessionId,
        suggestionId,
        toolName,
        language,
        format,
        filePath,
        passed,
        sequence,
        eventTimeMillis,
        position);
  }

  /** The key of its session's tool sequence: tenant and session. */
  static String sessionKey(SuccessInput input) {
    return input.tenantId() + "\n" + (input.sessionId() == null ? "" : input.sessionId());
  }

  /** The key that joins a proposal and its verdict: suggestion ids are unique within a tenant. */
  static String suggestionKey(SuccessInput input) {
    return input.tenantId() + "\n" + input.suggestionId();
  }
}
