package dev.agentos.readmodels.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted reciprocal rank fusion: an id scores {@code weight / (K + rank)} in each list it appears
 * in (rank from 1), summed. Ranks, not raw scores, because BM25 and cosine scores live on unrelated
 * scales.
 *
 * <p>K and the weights were measured on the labelled retrieval set ({@code ./agentos bench
 * retrieval}, docs/benchmarks.md), not taken from the literature. The usual K = 60 with equal
 * weights ranked worse than semantic search alone (nDCG@10 0.68 vs 0.76): it makes rank 1 and rank
 * 10 of a list almost equal, so the keyword list's top hits for a question phrased in other words
 * (memories that merely share "why" or "did") crowd out the best semantic hits. K = 10 with the
 * semantic list weighted 1.5 lifted hybrid nDCG@10 by 0.03 to 0.06 in each of the nine
 * configurations measured, while keyword-style questions (exact identifiers) stayed at 1.0. It
 * still ranks below semantic alone (0.73 vs 0.76) until the keyword query gets stricter or expanded
 * (see docs/benchmarks.md).
 */
public final class ReciprocalRankFusion {

  /** Small enough that the first ranks of a list clearly outweigh its tail. */
  public static final int K = 10;

  public static final double KEYWORD_WEIGHT = 1.0;

  /** Semantic search alone beat keyword search on paraphrased questions, so it counts more. */
  public static final double SEMANTIC_WEIGHT = 1.5;

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
    add(keyword, KEYWORD_WEIGHT, MatchedBy.KEYWORD, scores, matched);
    add(semantic, SEMANTIC_WEIGHT, MatchedBy.SEMANTIC, scores, matched);
    List<Fused> fused = new ArrayList<>();
    scores.forEach((id, score) -> fused.add(new Fused(id, score, matched.get(id))));
    fused.sort(Comparator.comparingDouble(Fused::score).reversed());
    return fused.subList(0, Math.min(limit, fused.size()));
  }

  private static void add(
      List<String> ranked,
      double weight,
      MatchedBy list,
      Map<String, Double> scores,
      Map<String, MatchedBy> matched) {
    for (int i = 0; i < ranked.size(); i++) {
      String id = ranked.get(i);
      scores.merge(id, weight / (K + i + 1), Double::sum);
      matched.merge(id, list, (was, now) -> was == now ? was : MatchedBy.BOTH);
    }
  }
}
