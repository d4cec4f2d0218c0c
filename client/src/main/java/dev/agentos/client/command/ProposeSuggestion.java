package dev.agentos.client.command;

/**
 * {@code POST /v1/suggestions} (EVENTS_WRITE): a code suggestion.
 *
 * @param suggestionId null: the command side chooses one
 * @param turnId the conversation turn it came from, or null
 */
public record ProposeSuggestion(
    String suggestionId,
    String turnId,
    String language,
    String filePath,
    SuggestionFormat format,
    String code,
    String rationale,
    Float confidence) {}
