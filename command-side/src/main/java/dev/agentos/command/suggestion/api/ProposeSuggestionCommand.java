package dev.agentos.command.suggestion.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.events.interactions.SuggestionFormat;

/**
 * Records a code change an agent proposed; its id is the aggregate id.
 *
 * @param filePath project-relative path the change applies to; null for a free-standing snippet
 * @param confidence the agent's own estimate in [0,1], or null
 */
public record ProposeSuggestionCommand(
    String suggestionId,
    String turnId,
    String language,
    String filePath,
    SuggestionFormat format,
    String code,
    String rationale,
    Float confidence,
    CommandOrigin origin) {}
