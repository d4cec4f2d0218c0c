package dev.agentos.client.query;

import java.time.Instant;
import java.util.List;

/**
 * One page of a session's suggestions, newest proposal first ({@code GET /v1/suggestions}); only a
 * null {@code nextCursor} ends the list.
 */
public record SuggestionPage(List<Item> items, String nextCursor) {

  /**
   * @param verifications how many it has
   * @param latestVerification its latest verification's status; null when it has none
   */
  public record Item(
      String suggestionId,
      String language,
      String filePath,
      String format,
      Instant proposedAt,
      String outcome,
      int verifications,
      String latestVerification) {}
}
