package dev.agentos.readmodels.search;

import dev.agentos.readmodels.search.MemoryCategories.Cluster;
import dev.agentos.readmodels.search.MemoryCategories.Example;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Groups memory vectors with k-means++ (Apache Commons Math, best of {@value #TRIALS} runs) and
 * names each group. Vectors are centred and made unit length first ({@link #centred}), so Euclidean
 * distance orders pairs as cosine similarity does. The random generator is seeded: the same sample
 * gives the same clusters.
 */
final class EmbeddingClusters {

  /** A memory of the sample. */
  record Member(String memoryId, String content, List<String> tags, double[] vector)
      implements Clusterable {
    @Override
    public double[] getPoint() {
      return vector;
    }
  }

  static final int MAX_AUTO_CLUSTERS = 10;
  private static final int MAX_ITERATIONS = 100;
  private static final int SEED = 42;

  /** k-means++ runs this many times and keeps the tightest result: one run can start badly. */
  private static final int TRIALS = 10;

  private static final int LABEL_PARTS = 3;
  private static final Set<String> STOPWORDS =
      Set.of(
          "the", "and", "for", "with", "are", "was", "were", "that", "this", "from", "not", "but",
          "use", "uses", "used", "has", "have", "had", "its", "into", "all", "any", "can", "our",
          "you", "your", "they", "their", "when", "than", "then", "there", "which", "who", "will",
          "would", "should", "must", "never", "always", "also", "only", "out", "over", "under",
          "after", "before", "about", "per", "via", "one", "two", "each", "more", "most", "some");

  private EmbeddingClusters() {}

  /** {@code k} clusters (null: about √(n/2), 2..10), largest first; none below two members. */
  static List<Cluster> cluster(List<Member> sample, Integer k, int examples) {
    if (sample.size() < 2) {
      return List.of();
    }
    int clusters = Math.min(sample.size(), k != null ? k : auto(sample.size()));
    Map<String, Integer> documentFrequency = documentFrequency(sample);
    List<Cluster> result = new ArrayList<>();
    for (CentroidCluster<Member> c : tightest(centred(sample), clusters)) {
      if (!c.getPoints().isEmpty()) {
        result.add(describe(c, documentFrequency, sample.size(), examples));
      }
    }
    result.sort(Comparator.comparingInt(Cluster::count).reversed());
    return result;
  }

  /**
   * The k-means++ result of least within-cluster sum of squares over {@value #TRIALS} runs.
   * (Commons Math's MultiKMeansPlusPlusClusterer ranks runs by the sum of per-cluster variances,
   * which rewards splitting off single members; the plain k-means objective does not.)
   */
  private static List<CentroidCluster<Member>> tightest(List<Member> members, int k) {
    EuclideanDistance distance = new EuclideanDistance();
    var clusterer =
        new KMeansPlusPlusClusterer<Member>(
            k, MAX_ITERATIONS, distance, new JDKRandomGenerator(SEED));
    List<CentroidCluster<Member>> best = null;
    double bestCost = Double.MAX_VALUE;
    for (int trial = 0; trial < TRIALS; trial++) {
      List<CentroidCluster<Member>> run = clusterer.cluster(members);
      double cost = 0;
      for (CentroidCluster<Member> c : run) {
        for (Member m : c.getPoints()) {
          double d = distance.compute(m.getPoint(), c.getCenter().getPoint());
          cost += d * d;
        }
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = run;
      }
    }
    return best;
  }

  /**
   * The members with the sample's mean vector taken out and renormalised. Sentence embeddings share
   * a large common direction (every BGE vector is close to every other), which drowns the topic
   * differences k-means should see; removing it is the usual remedy.
   */
  static List<Member> centred(List<Member> sample) {
    int dimensions = sample.get(0).vector().length;
    double[] mean = new double[dimensions];
    for (Member m : sample) {
      for (int i = 0; i < dimensions; i++) {
        mean[i] += m.vector()[i] / sample.size();
      }
    }
    List<Member> centred = new ArrayList<>(sample.size());
    for (Member m : sample) {
      double[] v = new double[dimensions];
      double norm = 0;
      for (int i = 0; i < dimensions; i++) {
        v[i] = m.vector()[i] - mean[i];
        norm += v[i] * v[i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < dimensions && norm > 0; i++) {
        v[i] /= norm;
      }
      centred.add(new Member(m.memoryId(), m.content(), m.tags(), v));
    }
    return centred;
  }

  static int auto(int sampleSize) {
    return (int) Math.max(2, Math.min(MAX_AUTO_CLUSTERS, Math.round(Math.sqrt(sampleSize / 2.0))));
  }

  private static Cluster describe(
      CentroidCluster<Member> c,
      Map<String, Integer> documentFrequency,
      int sampleSize,
      int examples) {
    List<Member> members = c.getPoints();
    List<String> topTags = top(count(members, Member::tags), Map.of(), 0);
    Map<String, Integer> inCluster = count(members, m -> words(m.content()));
    // Words frequent here but rare elsewhere name a cluster better than merely frequent ones.
    List<String> topTerms = top(inCluster, documentFrequency, sampleSize);
    String label = topTags.isEmpty() ? String.join(" ", topTerms) : String.join(", ", topTags);
    double[] centre = c.getCenter().getPoint();
    EuclideanDistance distance = new EuclideanDistance();
    List<Example> nearest =
        members.stream()
            .sorted(Comparator.comparingDouble(m -> distance.compute(m.vector(), centre)))
            .limit(examples)
            .map(m -> new Example(m.memoryId(), m.content()))
            .toList();
    return new Cluster(
        label.isEmpty() ? "unlabelled" : label, members.size(), topTags, topTerms, nearest);
  }

  /**
   * The {@value #LABEL_PARTS} highest-counted keys; with {@code documentFrequency}, counts are
   * weighted by {@code log(sampleSize / frequency)} (TF-IDF-like). Ties go alphabetically.
   */
  private static List<String> top(
      Map<String, Integer> counts, Map<String, Integer> documentFrequency, int sampleSize) {
    Map<String, Double> scores = new HashMap<>();
    counts.forEach(
        (key, count) -> {
          double weight =
              documentFrequency.isEmpty()
                  ? 1
                  : Math.log(1 + (double) sampleSize / documentFrequency.getOrDefault(key, 1));
          scores.put(key, count * weight);
        });
    return scores.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(LABEL_PARTS)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static Map<String, Integer> documentFrequency(List<Member> sample) {
    return count(sample, m -> words(m.content()));
  }

  /** In how many members each key occurs (once per member). */
  private static Map<String, Integer> count(
      List<Member> members, java.util.function.Function<Member, ? extends Iterable<String>> keys) {
    Map<String, Integer> counts = new HashMap<>();
    for (Member m : members) {
      Set<String> seen = new HashSet<>();
      keys.apply(m).forEach(seen::add);
      seen.forEach(key -> counts.merge(key, 1, Integer::sum));
    }
    return counts;
  }

  static Set<String> words(String content) {
    if (content == null) {
      return Set.of();
    }
    return java.util.Arrays.stream(content.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+"))
        .filter(
            w ->
                w.length() >= 3
                    && !STOPWORDS.contains(w)
                    && !w.chars().allMatch(Character::isDigit))
        .collect(Collectors.toSet());
  }
}
