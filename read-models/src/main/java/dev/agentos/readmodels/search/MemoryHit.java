package dev.agentos.readmodels.search;

import dev.agentos.readmodels.search.IndexReader.Ranked;
import dev.agentos.readmodels.search.ReciprocalRankFusion.MatchedBy;
import java.time.Instant;
import java.util.Map;

/**
 * One search result: its final score, which part of the search found it, how the score came about,
 * its document without the vector, and how often it was read before ({@link AccessCounts}). The ids
 * of the hits are what a caller records as accessed.
 */
public record MemoryHit(
    String memoryId,
    double score,
    MatchedBy matchedBy,
    ScoreExplanation explanation,
    Map<String, Object> document,
    long accessCount) {

  /**
   * A candidate scored: its base score weighted by recency and by its reads, as {@code query} asks,
   * and explained.
   */
  static MemoryHit scored(
      MemoryQuery query,
      Instant now,
      String id,
      MatchedBy matchedBy,
      Ranked keyword,
      Ranked semantic,
      Double fusedScore,
      double baseScore,
      Map<String, Object> doc,
      Map<String, Long> accessCounts) {
    long reads = accessCounts.getOrDefault(id, 0L);
    ScoreExplanation explanation =
        new ScoreExplanation(
            keyword == null ? null : keyword.rank(),
            keyword == null ? null : keyword.score(),
            semantic == null ? null : semantic.rank(),
            semantic == null ? null : semantic.score(),
            fusedScore,
            baseScore,
            ScoreWeighting.recency(query.weighting(), doc, now),
            ScoreWeighting.access(query.weighting(), reads));
    return new MemoryHit(id, explanation.finalScore(), matchedBy, explanation, doc, reads);
  }
}
