package dev.agentos.readmodels.suggestions;

import dev.agentos.events.interactions.SuggestionFormat;
import dev.agentos.events.interactions.SuggestionOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * One code suggestion as the query side answers it: the proposal, what was done with it, and its
 * verifications ({@link SuggestionRecord#toSuggestion}). The proposal's fields are null while only
 * a verification or an outcome of it has been projected.
 */
public record Suggestion(
    String suggestionId,
    String tenantId,
    String projectId,
    @Schema(description = "the session it was proposed in") String sessionId,
    @Schema(description = "the agent that proposed it") String agentId,
    @Schema(description = "the conversation turn it was made in, when known") String turnId,
    @Schema(description = "e.g. java, python") String language,
    @Schema(description = "the project-relative path it changes; null for a snippet")
        String filePath,
    @Schema(description = "UNIFIED_DIFF, FULL_FILE or SNIPPET") SuggestionFormat format,
    @Schema(description = "the proposed diff or code, in its format") String code,
    @Schema(description = "true when code is cut short of the proposal's") Boolean codeTruncated,
    @Schema(description = "the agent's explanation, when it gave one") String rationale,
    @Schema(description = "the agent's own confidence, 0 to 1") Float confidence,
    Instant proposedAt,
    @Schema(description = "what was done with it; null until recorded") Outcome outcome,
    @Schema(description = "its verifications, oldest request first")
        List<Verification> verifications) {

  /** What the human or agent did with a suggestion ({@code SuggestionOutcomeRecorded}). */
  @Schema(name = "SuggestionOutcome", description = "what was done with a suggestion")
  public record Outcome(
      @Schema(description = "ACCEPTED, REJECTED or EDITED") SuggestionOutcome outcome,
      @Schema(description = "why it was rejected or edited, when told") String reason,
      @Schema(description = "the code as applied, when EDITED") String editedCode,
      @Schema(description = "true when editedCode is cut short of the one recorded")
          Boolean editedCodeTruncated,
      Instant recordedAt) {}

  public Suggestion {
    verifications = List.copyOf(verifications);
  }
}
