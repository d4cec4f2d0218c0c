package dev.agentos.benchmarks.search;

import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.search.MemoryHit;
import dev.agentos.readmodels.search.MemoryQuery;
import dev.agentos.readmodels.search.MemoryQuery.Mode;
import dev.agentos.readmodels.search.MemorySearch;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * {@code ./agentos bench search}: search latency per mode at 100,000 memories in a fresh index on
 * the running stack, against plain Elasticsearch queries in the same process as the baseline.
 *
 * <p>Embedding 100,000 texts would take ~9 minutes of both cores, so only {@code embedded} distinct
 * memories are embedded for real; memory n reuses the vector of memory {@code n % embedded} plus
 * Gaussian noise (then normalised), which keeps every vector distinct for the HNSW graph and
 * spreads them in clusters around real BGE vectors. Texts are all distinct (see {@link
 * MemoryTemplates}), so BM25 sees a realistic vocabulary. Memories are written by the projection's
 * own writer with the vector supplied, as a client-supplied embedding would be.
 */
public final class SearchLatencyBenchmark {

  static final String TENANT = "bench-latency";

  /** All memories in one project, so each search scopes over the whole 100k (search needs one). */
  static final String PROJECT = "bench-project";

  static final int K = 10;

  /** A fusion window narrower than production's, measured beside it. */
  static final int NARROW_WINDOW = 20;

  private static final String END_TO_END_BEFORE = "e2e before: stock session, embed, _msearch";
  private static final String END_TO_END_NOW = "e2e now: tuned session, keyword || embed";

  private final Path home;
  private final PrintStream out;
  private final int memories;
  private final int embedded;
  private final int queries;
  private final boolean forceMerge;
  private final String reuseIndex;
  private final boolean keepIndex;

  public SearchLatencyBenchmark(
      Path home, PrintStream out, int memories, int embedded, int queries, boolean forceMerge) {
    this(home, out, memories, embedded, queries, forceMerge, null, false);
  }

  /**
   * {@code reuseIndex}: the alias of an index an earlier run kept ({@code keepIndex}) with the same
   * {@code memories}, searched as it is instead of written again.
   */
  public SearchLatencyBenchmark(
      Path home,
      PrintStream out,
      int memories,
      int embedded,
      int queries,
      boolean forceMerge,
      String reuseIndex,
      boolean keepIndex) {
    if (embedded < 1 || embedded > memories || queries < 1) {
      throw new IllegalArgumentException(
          "need 1 <= --embedded <= --memories and --queries >= 1, got embedded "
              + embedded
              + ", memories "
              + memories
              + ", queries "
              + queries);
    }
    this.home = home;
    this.out = out;
    this.memories = memories;
    this.embedded = embedded;
    this.queries = queries;
    this.forceMerge = forceMerge;
    this.reuseIndex = reuseIndex;
    this.keepIndex = keepIndex;
  }

  public void run() throws Exception {
    MemoryEmbedder embedder = BenchEmbedders.remembering();
    try (BenchIndex index =
        reuseIndex == null
            ? BenchIndex.create(home, "bench-search")
            : BenchIndex.reuse(home, reuseIndex)) {
      if (reuseIndex == null) {
        new SyntheticMemories(out, memories, embedded, forceMerge).fill(index, embedder);
      } else if (index.count() != memories) {
        throw new IllegalArgumentException(
            reuseIndex + " holds " + index.count() + " memories, not --memories " + memories);
      }
      if (keepIndex) {
        index.keep();
        out.printf("the index stays for --reuse-index %s%n", index.alias());
      }
      MemorySearch search = new MemorySearch(index.client(), index.alias(), embedder);
      List<String> questions = new ArrayList<>();
      for (int i = 0; i < 2 * queries; i++) {
        questions.add(MemoryTemplates.question(i));
      }
      questions.forEach(embedder::embedQuery); // remembered: the searches below reuse the vectors
      // Embedding alone, hit-free: langchain4j's stock session (before) and production's, in turn.
      MemoryEmbedder stock = BenchEmbedders.stock();
      MemoryEmbedder tuned = new MemoryEmbedder().withoutQueryCache();
      Histogram stockEmbedding = histogram();
      Histogram tunedEmbedding = histogram();
      double maxDifference = 0;
      for (int i = 0; i < questions.size(); i++) {
        boolean measured = i >= queries;
        boolean stockFirst = i % 2 == 0;
        float[] a =
            embedTimed(
                stockFirst ? stock : tuned,
                questions.get(i),
                measured,
                stockFirst ? stockEmbedding : tunedEmbedding);
        float[] b =
            embedTimed(
                stockFirst ? tuned : stock,
                questions.get(i),
                measured,
                stockFirst ? tunedEmbedding : stockEmbedding);
        for (int d = 0; d < a.length; d++) {
          maxDifference = Math.max(maxDifference, Math.abs(a[d] - b[d]));
        }
      }
      out.printf(
          "stock and tuned ONNX sessions: largest difference of any vector component %.1e%n",
          maxDifference);
      Map<String, Histogram> latencies = new LinkedHashMap<>();
      MemorySearch narrow = search.withHybridWindow(NARROW_WINDOW);
      // end to end, hit-free: before (stock session, embed then one _msearch) and now (tuned
      // session, keyword side sent while embedding), then production's embedder with its cache
      MemorySearch before = new MemorySearch(index.client(), index.alias(), stock).withoutOverlap();
      MemorySearch now = new MemorySearch(index.client(), index.alias(), tuned);
      MemoryEmbedder production = new MemoryEmbedder();
      MemorySearch cachedNow = new MemorySearch(index.client(), index.alias(), production);
      int sameTop = 0;
      int sameBeforeNow = 0;
      for (int i = 0; i < queries; i++) {
        // how often a narrower fusion window changes what hybrid search answers at this size
        MemoryQuery query = MemoryQuery.of(TENANT, PROJECT, questions.get(i), Mode.HYBRID, K);
        List<String> top = ids(search.search(query));
        sameTop += top.equals(ids(narrow.search(query))) ? 1 : 0;
        sameBeforeNow += ids(before.search(query)).equals(ids(now.search(query))) ? 1 : 0;
      }
      out.printf(
          "hybrid with window %d ranked the same top %d as with window %d for %d of %d questions%n",
          NARROW_WINDOW, K, MemorySearch.HYBRID_WINDOW, sameTop, queries);
      out.printf(
          "hybrid end to end, now and before (stock session, no overlap) ranked the same top %d"
              + " for %d of %d questions%n",
          K, sameBeforeNow, queries);
      int hits = 0;
      for (int i = 0; i < questions.size(); i++) {
        boolean measured = i >= queries; // the first half warms caches and the JIT
        String question = questions.get(i);
        time(
            latencies,
            measured,
            "baseline: ES match, no filters",
            () -> BaselineQueries.match(index, question));
        time(
            latencies,
            measured,
            "baseline: ES kNN, no filters",
            () -> BaselineQueries.knn(index, embedder, question));
        for (Mode mode : Mode.values()) {
          time(
              latencies,
              measured,
              mode.name().toLowerCase() + " (MemorySearch, vector cached)",
              () -> search.search(MemoryQuery.of(TENANT, PROJECT, question, mode, K)));
        }
        time(
            latencies,
            measured,
            "hybrid, window " + NARROW_WINDOW + " (vector cached)",
            () -> narrow.search(MemoryQuery.of(TENANT, PROJECT, question, Mode.HYBRID, K)));
        MemoryQuery hybrid = MemoryQuery.of(TENANT, PROJECT, question, Mode.HYBRID, K);
        time(latencies, measured, END_TO_END_BEFORE, () -> before.search(hybrid));
        time(latencies, measured, END_TO_END_NOW, () -> now.search(hybrid));
        boolean hit = production.cachedQuery(TENANT, question) != null;
        hits += measured && hit ? 1 : 0;
        time(
            latencies,
            measured,
            hit ? "e2e now, query cache hit" : "e2e now, query cache miss",
            () -> cachedNow.search(hybrid));
      }
      out.printf(
          "production's query cache (%,d entries, filled by the warm-up questions too): %d of %d"
              + " measured questions were hits%n",
          MemoryEmbedder.QUERY_CACHE_SIZE, hits, queries);
      out.printf(
          "%n%,d memories, %d segments; %,d measured queries per row (%,d distinct) after %,d"
              + " warm-up ones, k=%d, one client thread; load average at the end %.1f%n",
          index.count(),
          index.segments(),
          queries,
          questions.subList(queries, questions.size()).stream().distinct().count(),
          queries,
          K,
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      out.printf("%-44s %8s %8s %8s %8s%n", "", "p50 ms", "p95 ms", "p99 ms", "max ms");
      print("query embedding alone, stock session", stockEmbedding);
      print("query embedding alone, tuned session", tunedEmbedding);
      latencies.forEach(this::print);
      out.printf(
          "%nEND TO END hybrid p99 (what POST /v1/memories/search waits for, no cache hits):"
              + " before %.1f ms, now %.1f ms%n",
          latencies.get(END_TO_END_BEFORE).getValueAtPercentile(99) / 1000.0,
          latencies.get(END_TO_END_NOW).getValueAtPercentile(99) / 1000.0);
    }
  }

  private static float[] embedTimed(
      MemoryEmbedder embedder, String question, boolean measured, Histogram histogram) {
    long start = System.nanoTime();
    float[] vector = embedder.embedQuery(question);
    if (measured) {
      record(histogram, start);
    }
    return vector;
  }

  private static List<String> ids(List<MemoryHit> hits) {
    return hits.stream().map(MemoryHit::memoryId).toList();
  }

  private static void time(
      Map<String, Histogram> latencies, boolean measured, String name, Runnable call) {
    Histogram histogram = latencies.computeIfAbsent(name, n -> histogram());
    long start = System.nanoTime();
    call.run();
    if (measured) {
      record(histogram, start);
    }
  }

  private static Histogram histogram() {
    return new Histogram(3);
  }

  private static void record(Histogram histogram, long startNanos) {
    histogram.recordValue(Math.max(1, (System.nanoTime() - startNanos) / 1_000));
  }

  private void print(String name, Histogram histogram) {
    out.printf(
        "%-44s %8.1f %8.1f %8.1f %8.1f%n",
        name,
        histogram.getValueAtPercentile(50) / 1000.0,
        histogram.getValueAtPercentile(95) / 1000.0,
        histogram.getValueAtPercentile(99) / 1000.0,
        histogram.getMaxValue() / 1000.0);
  }
}
