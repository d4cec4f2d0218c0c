package dev.agentos.benchmarks.search;

import java.util.List;
import java.util.Set;

/** Binary-relevance ranking metrics: a ranked list of ids against the set of ids that answer. */
public final class RankingMetrics {

  private RankingMetrics() {}

  /** The share of the relevant ids found in the first {@code k} results. */
  public static double recallAt(int k, List<String> ranked, Set<String> relevant) {
    long found = ranked.stream().limit(k).filter(relevant::contains).count();
    return (double) found / relevant.size();
  }

  /**
   * Normalised discounted cumulative gain at {@code k}: a hit at rank r gains 1/log2(r+1), divided
   * by the gain of the ideal ranking (every relevant id first), so 1.0 means a perfect order.
   */
  public static double ndcgAt(int k, List<String> ranked, Set<String> relevant) {
    double gain = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant.contains(ranked.get(i))) {
        gain += discount(i);
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, relevant.size()); i++) {
      ideal += discount(i);
    }
    return gain / ideal;
  }

  private static double discount(int zeroBasedRank) {
    return 1 / (Math.log(zeroBasedRank + 2) / Math.log(2));
  }
}
