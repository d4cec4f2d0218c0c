package dev.agentos.client.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A search's hits, best first, with the mode and {@code k} it ran with. */
public record SearchResult(String mode, int k, List<Hit> hits) {

  /** The hits' memory ids, best first. */
  public List<String> memoryIds() {
    return hits.stream().map(Hit::memoryId).toList();
  }

  /**
   * One hit.
   *
   * @param matchedBy {@code KEYWORD}, {@code SEMANTIC} or {@code BOTH}
   */
  public record Hit(
      String memoryId, double score, String matchedBy, Explanation explanation, Found memory) {}

  /**
   * How a hit's score came about: final = base × recency factor × access factor.
   *
   * @param fusedScore the hybrid mode's fusion of both ranks
   */
  public record Explanation(
      Integer keywordRank,
      Double keywordScore,
      Integer semanticRank,
      Double semanticSimilarity,
      Double fusedScore,
      double baseScore,
      Double recencyFactor,
      Double accessFactor) {}

  /** The memory a hit found, as the search index holds it. */
  public record Found(
      String memoryId,
      String projectId,
      String contextId,
      String agentId,
      String sessionId,
      String type,
      String state,
      String supersededBy,
      String content,
      List<String> tags,
      Map<String, Object> metadata,
      Double confidence,
      Instant createdAt,
      Instant updatedAt,
      Instant expiresAt,
      Long accessCount) {}
}
