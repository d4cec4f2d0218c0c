package dev.agentos.projections.memory.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion: an id scores {@code 1 / (K + rank)} in each list it appears in (rank from
 * 1), summed. Ranks, not raw scores, because BM25 and cosine scores live on unrelated scales.
 */
public final class ReciprocalRankFusion {

  /** The usual constant (Cormack et al.): it damps the weight of the very first ranks. */
  public static final int K = 60;

  /** Which of the lists an id came from. */
  public enum MatchedBy {
    KEYWORD,
    SEMANTIC,
    BOTH
  }

  public record Fused(String id, double score, MatchedBy matchedBy) {}

  private ReciprocalRankFusion() {}

  /** The ids of both lists, best first; ties keep the keyword list's order. */
  public static List<Fused> fuse(List<String> keyword, List<String> semantic, int limit) {
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, MatchedBy> matched = new LinkedHashMap<>();
    add(keyword, MatchedBy.KEYWORD, scores, matched);
    add(semantic, MatchedBy.SEMANTIC, scores, matched);
    List<Fused> fused = new ArrayList<>();
    scores.forEach((id, score) -> fused.add(new Fused(id, score, matched.get(id))));
    fused.sort(Comparator.comparingDouble(Fused::score).reversed());
    return fused.subList(0, Math.min(limit, fused.size()));
  }

  private static void add(
      List<String> ranked,
      MatchedBy list,
      Map<String, Double> scores,
      Map<String, MatchedBy> matched) {
    for (int i = 0; i < ranked.size(); i++) {
      String id = ranked.get(i);
      scores.merge(id, 1.0 / (K + i + 1), Double::sum);
      matched.merge(id, list, (was, now) -> was == now ? was : MatchedBy.BOTH);
    }
  }
}
