package dev.agentos.query.search;

import dev.agentos.readmodels.search.MemoryHit;
import dev.agentos.readmodels.search.MemoryQuery;
import dev.agentos.readmodels.search.ScoreExplanation;
import java.util.List;

/**
 * The answer of {@code POST /v1/memories/search}: hits best first, each with its final score, which
 * part found it ({@code KEYWORD}, {@code SEMANTIC} or {@code BOTH}) and how the score came about.
 */
public record SearchResponseBody(String mode, int k, List<Hit> hits) {

  public record Hit(
      String memoryId,
      double score,
      String matchedBy,
      ScoreExplanation explanation,
      MemoryDocumentView memory) {}

  static SearchResponseBody of(MemoryQuery query, List<MemoryHit> hits) {
    return new SearchResponseBody(
        query.mode().name().toLowerCase(java.util.Locale.ROOT),
        query.k(),
        hits.stream()
            .map(
                h ->
                    new Hit(
                        h.memoryId(),
                        h.score(),
                        h.matchedBy().name(),
                        h.explanation(),
                        MemoryDocumentView.of(h.memoryId(), h.document(), h.accessCount())))
            .toList());
  }
}
