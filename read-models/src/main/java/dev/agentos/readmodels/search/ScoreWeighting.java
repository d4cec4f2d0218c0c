package dev.agentos.readmodels.search;

import static dev.agentos.readmodels.search.MemoryFields.*;

import dev.agentos.readmodels.search.MemoryQuery.Weighting;
import java.time.Instant;
import java.util.Map;

/**
 * The recency and access factors of {@link Weighting}, from a memory's document and its reads. Both
 * multiply the base score, so they re-order candidates without putting BM25 and cosine scores on
 * one scale.
 */
final class ScoreWeighting {

  private ScoreWeighting() {}

  /**
   * {@code 0.5^(age / halfLife)}: 1 for a memory changed just now, 0.5 one half-life ago. Age runs
   * from the last change ({@code updated_at}, else {@code created_at}); a future time counts as 0.
   */
  static Double recency(Weighting weighting, Map<String, Object> doc, Instant now) {
    if (weighting.recencyHalfLife() == null) {
      return null;
    }
    Number changed = (Number) doc.getOrDefault(UPDATED_AT, doc.get(CREATED_AT));
    if (changed == null) {
      return 1.0;
    }
    double age = Math.max(0, now.toEpochMilli() - changed.longValue());
    return Math.pow(0.5, age / weighting.recencyHalfLife().toMillis());
  }

  /**
   * {@code 1 + weight * ln(1 + accessCount)}: logarithmic, so a hot memory cannot drown the rest.
   * The count comes from beside the index ({@link AccessCounts}).
   */
  static Double access(Weighting weighting, long accessCount) {
    if (weighting.accessWeight() == 0) {
      return null;
    }
    return 1 + weighting.accessWeight() * Math.log1p(Math.max(0, accessCount));
  }
}
