package dev.agentos.query.suggestions;

import dev.agentos.readmodels.suggestions.SuggestionSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a session's code suggestions, newest proposal first. */
public record SuggestionPage(
    List<SuggestionSummary> items,
    @Schema(description = "pass as ?cursor= for the next page; null on the last page")
        String nextCursor) {}
