package dev.agentos.benchmarks.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/**
 * Recall of production's kNN search against the exact answer: the same filters, every vector of the
 * scope scored by a {@code script_score} with {@code cosineSimilarity} on the stored float vectors
 * (not the quantized copy the graph searches), so a miss is the graph's or quantization's.
 */
final class KnnRecall {

  /** Hits of production's semantic side in a hybrid search (MemorySearch.HYBRID_WINDOW). */
  static final int WINDOW = 50;

  static final int TOP = 10;

  record Result(
      double recallAt10,
      double recallAt10OfWindow,
      double recallAt50,
      Histogram top10Latency,
      Histogram windowLatency) {}

  private KnnRecall() {}

  /**
   * The exact {@link #WINDOW} nearest ids per query, best first: the cosine of every corpus vector,
   * computed here in full float precision. Every corpus memory is in the one scope the kNN filters
   * select (same tenant and project, active, no expiry), so this is the exact answer to the same
   * filtered question. (The dev stack's Elasticsearch has no Painless, so no script_score.)
   */
  static List<List<String>> exact(List<String> ids, List<float[]> vectors, List<float[]> queries) {
    float[] norms = new float[vectors.size()];
    for (int i = 0; i < norms.length; i++) {
      norms[i] = norm(vectors.get(i));
    }
    List<List<String>> answers = new ArrayList<>();
    for (float[] query : queries) {
      float queryNorm = norm(query);
      double[] cosine = new double[vectors.size()];
      for (int i = 0; i < cosine.length; i++) {
        float[] v = vectors.get(i);
        double dot = 0;
        for (int d = 0; d < v.length; d++) {
          dot += v[d] * query[d];
        }
        cosine[i] = dot / (norms[i] * queryNorm);
      }
      answers.add(
          IntStream.range(0, cosine.length)
              .boxed()
              .sorted(Comparator.comparingDouble((Integer i) -> -cosine[i]))
              .limit(WINDOW)
              .map(ids::get)
              .toList());
    }
    return answers;
  }

  private static float norm(float[] vector) {
    double sum = 0;
    for (float value : vector) {
      sum += value * value;
    }
    return (float) Math.sqrt(sum);
  }

  /**
   * Production's kNN at {@link #TOP} and at {@link #WINDOW} for every query, after one unmeasured
   * pass of each (the graph's pages loaded), against {@code exact}.
   */
  static Result measure(ProductionKnn knn, List<float[]> queries, List<List<String>> exact) {
    queries.forEach(q -> knn.nearest(q, TOP));
    queries.forEach(q -> knn.nearest(q, WINDOW));
    Histogram top10Latency = new Histogram(3);
    Histogram windowLatency = new Histogram(3);
    double at10 = 0;
    double at10OfWindow = 0;
    double at50 = 0;
    for (int i = 0; i < queries.size(); i++) {
      long started = System.nanoTime();
      List<String> top = knn.nearest(queries.get(i), TOP);
      top10Latency.recordValue((System.nanoTime() - started) / 1000);
      started = System.nanoTime();
      List<String> window = knn.nearest(queries.get(i), WINDOW);
      windowLatency.recordValue((System.nanoTime() - started) / 1000);
      List<String> truth = exact.get(i);
      at10 += overlap(top, truth, TOP);
      at10OfWindow += overlap(window.subList(0, Math.min(TOP, window.size())), truth, TOP);
      at50 += overlap(window, truth, WINDOW);
    }
    int n = queries.size();
    return new Result(at10 / n, at10OfWindow / n, at50 / n, top10Latency, windowLatency);
  }

  /** The share of the exact first {@code k} that {@code found} holds. */
  static double overlap(List<String> found, List<String> exact, int k) {
    List<String> truth = exact.subList(0, Math.min(k, exact.size()));
    if (truth.isEmpty()) {
      return 1;
    }
    Set<String> got = new HashSet<>(found);
    return truth.stream().filter(got::contains).count() / (double) truth.size();
  }
}
