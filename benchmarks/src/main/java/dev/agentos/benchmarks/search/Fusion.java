package dev.agentos.benchmarks.search;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A way of merging a keyword and a semantic ranking into one, so the retrieval benchmark can try
 * several against the same two lists. Each list holds ids best first, with their raw scores.
 */
public interface Fusion {

  record Scored(String id, double score) {}

  String name();

  List<String> fuse(List<Scored> keyword, List<Scored> semantic, int limit);

  /** Weighted reciprocal rank fusion: {@code w / (k + rank)} summed over the lists. */
  static Fusion rrf(int k, double keywordWeight, double semanticWeight) {
    return new Fusion() {
      @Override
      public String name() {
        return String.format(
            java.util.Locale.ROOT, "rrf k=%d w=%.1f/%.1f", k, keywordWeight, semanticWeight);
      }

      @Override
      public List<String> fuse(List<Scored> keyword, List<Scored> semantic, int limit) {
        Map<String, Double> scores = new HashMap<>();
        for (int i = 0; i < keyword.size(); i++) {
          scores.merge(keyword.get(i).id(), keywordWeight / (k + i + 1), Double::sum);
        }
        for (int i = 0; i < semantic.size(); i++) {
          scores.merge(semantic.get(i).id(), semanticWeight / (k + i + 1), Double::sum);
        }
        return best(scores, limit);
      }
    };
  }

  /**
   * Linear fusion of scores min-max normalised per list: {@code a * keyword + (1 - a) * semantic},
   * an id missing from a list counting 0 there.
   */
  static Fusion linear(double keywordShare) {
    return new Fusion() {
      @Override
      public String name() {
        return String.format(java.util.Locale.ROOT, "linear a=%.1f", keywordShare);
      }

      @Override
      public List<String> fuse(List<Scored> keyword, List<Scored> semantic, int limit) {
        Map<String, Double> scores = new HashMap<>();
        addNormalised(keyword, keywordShare, scores);
        addNormalised(semantic, 1 - keywordShare, scores);
        return best(scores, limit);
      }
    };
  }

  private static void addNormalised(List<Scored> list, double share, Map<String, Double> scores) {
    double max = list.stream().mapToDouble(Scored::score).max().orElse(0);
    double min = list.stream().mapToDouble(Scored::score).min().orElse(0);
    for (Scored scored : list) {
      double normalised = max == min ? 1 : (scored.score() - min) / (max - min);
      scores.merge(scored.id(), share * normalised, Double::sum);
    }
  }

  private static List<String> best(Map<String, Double> scores, int limit) {
    return scores.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }
}
