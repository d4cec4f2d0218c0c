package dev.agentos.readmodels.suggestions;

import dev.agentos.events.interactions.SuggestionFormat;
import dev.agentos.events.interactions.SuggestionOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A suggestion in a session's list: what it changes and how it fared, without its code or its
 * verifications' test names, which {@code GET /v1/suggestions/{id}} answers.
 */
public record SuggestionSummary(
    String suggestionId,
    String language,
    String filePath,
    SuggestionFormat format,
    Instant proposedAt,
    @Schema(description = "ACCEPTED, REJECTED or EDITED; null until recorded")
        SuggestionOutcome outcome,
    @Schema(description = "how many verifications it has") int verifications,
    @Schema(description = "the status of its latest verification; null when it has none")
        VerificationStatus latestVerification) {

  public static SuggestionSummary of(Suggestion s) {
    return new SuggestionSummary(
        s.suggestionId(),
        s.language(),
        s.filePath(),
        s.format(),
        s.proposedAt(),
        s.outcome() == null ? null : s.outcome().outcome(),
        s.verifications().size(),
        s.verifications().isEmpty()
            ? null
            : s.verifications().get(s.verifications().size() - 1).status());
  }
}
