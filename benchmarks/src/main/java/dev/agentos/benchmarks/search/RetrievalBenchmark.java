package dev.agentos.benchmarks.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.agentos.benchmarks.search.Fusion.Scored;
import dev.agentos.benchmarks.search.RetrievalSet.Kind;
import dev.agentos.benchmarks.search.RetrievalSet.Memory;
import dev.agentos.benchmarks.search.RetrievalSet.Question;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.search.MemoryHit;
import dev.agentos.readmodels.search.MemoryQuery;
import dev.agentos.readmodels.search.MemoryQuery.Mode;
import dev.agentos.readmodels.search.MemorySearch;
import dev.agentos.readmodels.search.ReciprocalRankFusion;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code ./agentos bench retrieval}: indexes the labelled set with the projection's writer and
 * embedder into a fresh index, asks every question in keyword, semantic and hybrid mode through the
 * production {@link MemorySearch}, and measures the levers: fusion (weighted RRF, k, linear),
 * memories embedded with their neighbouring turns, and query expansion.
 */
public final class RetrievalBenchmark {

  /**
   * Every labelled memory is indexed in one project: search is always scoped to one, and the
   * questions are asked over the whole set (the set's own project names are kept as labels only).
   */
  static final String PROJECT = "bench-retrieval";

  /** Each side's ranking depth handed to fusion; the production hybrid uses the same. */
  static final int WINDOW = MemorySearch.HYBRID_WINDOW;

  /** Production's hybrid search with each side ranking fewer: faster, how much worse? */
  static final List<Integer> NARROWER_WINDOWS = List.of(20, 30);

  /** The vectors a tenant's memories were indexed with. */
  enum Vectors {
    PLAIN("memory text"),
    NEIGHBOURS("memory + 1 turn either side"),
    MIXED("memory vector + 0.5 x neighbourhood vector"),
    MIXED_PREVIOUS("memory vector + 0.5 x (previous turn + memory) vector");

    final String description;

    Vectors(String description) {
      this.description = description;
    }

    String tenant() {
      return "bench-" + name().toLowerCase(Locale.ROOT);
    }

    /** Documents are keyed by memory id, so each variant's copy of a memory needs its own. */
    String documentId(String memoryId) {
      return name().toLowerCase(Locale.ROOT) + ":" + memoryId;
    }
  }

  /** Which side of the search gets the expanded question. */
  enum Expansion {
    NONE,
    KEYWORD_SIDE,
    BOTH_SIDES
  }

  static final String PRODUCTION =
      String.format(
          Locale.ROOT,
          "hybrid = production (rrf k=%d w=%.1f/%.1f)",
          ReciprocalRankFusion.K,
          ReciprocalRankFusion.KEYWORD_WEIGHT,
          ReciprocalRankFusion.SEMANTIC_WEIGHT);

  /** Fusions tried on the same two lists; rrf k=60 w=1.0/1.0 is the textbook default. */
  static final List<Fusion> FUSIONS =
      List.of(
          Fusion.rrf(60, 1, 1),
          Fusion.rrf(60, 1, 1.5),
          Fusion.rrf(60, 1, 2),
          Fusion.rrf(60, 1.5, 1),
          Fusion.rrf(60, 2, 1),
          Fusion.rrf(10, 1, 1),
          Fusion.rrf(10, 1, 1.5),
          Fusion.rrf(10, 1.5, 1),
          Fusion.rrf(10, 1, 2),
          Fusion.rrf(5, 1, 2),
          Fusion.rrf(60, 1, 3),
          Fusion.rrf(30, 1, 1.5),
          Fusion.linear(0.3),
          Fusion.linear(0.5),
          Fusion.linear(0.7),
          Fusion.linear(0.2));

  /** Fusions tried with the stricter keyword side alone (production's hybrid keyword side). */
  static final List<Fusion> STRICT_FUSIONS =
      List.of(Fusion.rrf(60, 1, 1), Fusion.rrf(60, 1, 1.5), Fusion.rrf(10, 1, 1.5));

  private final Path home;
  private final PrintStream out;
  private ElasticsearchClient client;
  private String index;

  /** Generated memories indexed beside the labelled set in every variant's scope. */
  private final int distractors;

  public RetrievalBenchmark(Path home, PrintStream out, int distractors) {
    if (distractors < 0) {
      throw new IllegalArgumentException("--distractors must be 0 or more, not " + distractors);
    }
    this.home = home;
    this.out = out;
    this.distractors = distractors;
  }

  public void run() throws Exception {
    RetrievalSet set = RetrievalSet.load();
    out.printf(
        "retrieval set: %d memories in %d sessions, %d questions (%d keyword, %d semantic)%n",
        set.memories().size(),
        set.memories().stream().map(Memory::sessionId).distinct().count(),
        set.questions().size(),
        set.questions().stream().filter(q -> q.kind() == Kind.KEYWORD).count(),
        set.questions().stream().filter(q -> q.kind() == Kind.SEMANTIC).count());
    MemoryEmbedder embedder = BenchEmbedders.remembering();
    try (BenchIndex index = BenchIndex.create(home, "bench-retrieval")) {
      long started = System.nanoTime();
      LabelledSetIndex.write(index, set, embedder);
      out.printf(
          "indexed %d documents into %s in %.1f s%n",
          index.count(), index.alias(), (System.nanoTime() - started) / 1e9);
      if (distractors > 0) {
        started = System.nanoTime();
        int written = LabelledSetIndex.addDistractors(index, embedder, distractors);
        out.printf(
            "added %,d generated distractors to each variant's scope (%,d documents) in %.1f s:"
                + " every question is now asked over %,d memories%n",
            distractors,
            written,
            (System.nanoTime() - started) / 1e9,
            set.memories().size() + distractors);
      }
      MemorySearch search = new MemorySearch(index.client(), index.alias(), embedder);
      client = index.client();
      this.index = index.alias();
      out.printf(
          "%n%-44s %6s %6s %8s | %8s %8s%n",
          "run (vectors / expansion / ranking)", "R@5", "R@10", "nDCG@10", "nDCG kw", "nDCG sem");
      List<String> summary = new ArrayList<>();
      for (Vectors vectors : Vectors.values()) {
        for (Expansion expansion : Expansion.values()) {
          summary.add(measure(set, search, vectors, expansion));
        }
      }
      out.printf(
          "%nnDCG@10 summary%n%-58s %8s %8s %8s  %s%n",
          "vectors / expansion", "keyword", "semantic", "hybrid", "best hybrid variant");
      summary.forEach(out::println);
      out.printf(
          "%nR@k: share of the answering memories in the top k, averaged over questions;"
              + " nDCG kw / sem: nDCG@10 on the keyword / semantic questions only.%n"
              + "paired: mean per-question nDCG@10 difference with its bootstrap 95%% interval"
              + " (%,d resamples); 'better' only when the whole interval is above zero.%n",
          PairedComparison.RESAMPLES);
    }
  }

  /** Prints one configuration's table and answers its summary line. */
  private String measure(
      RetrievalSet set, MemorySearch search, Vectors vectors, Expansion expansion) {
    Map<String, RetrievalScore> scores = new LinkedHashMap<>();
    for (Question question : set.questions()) {
      String plain = question.text();
      String expanded = QueryExpansion.expand(plain);
      String keywordText = expansion == Expansion.NONE ? plain : expanded;
      String semanticText = expansion == Expansion.BOTH_SIDES ? expanded : plain;
      List<Scored> keyword = scored(search, vectors, keywordText, Mode.KEYWORD, WINDOW);
      List<Scored> semantic = scored(search, vectors, semanticText, Mode.SEMANTIC, WINDOW);
      score(scores, "keyword", question, ids(keyword));
      score(scores, "semantic", question, ids(semantic));
      if (expansion != Expansion.KEYWORD_SIDE) {
        score(
            scores,
            PRODUCTION,
            question,
            ids(scored(search, vectors, keywordText, Mode.HYBRID, 10)));
        for (int window : NARROWER_WINDOWS) {
          score(
              scores,
              "hybrid production, window " + window,
              question,
              ids(scored(search.withHybridWindow(window), vectors, keywordText, Mode.HYBRID, 10)));
        }
      }
      for (Fusion fusion : FUSIONS) {
        score(scores, "hybrid " + fusion.name(), question, fusion.fuse(keyword, semantic, 10));
      }
      List<Scored> strict =
          StrictKeyword.search(client, index, vectors.tenant(), keywordText, WINDOW).stream()
              .map(s -> new Scored(memoryId(s.id()), s.score()))
              .toList();
      score(scores, "keyword strict (candidate)", question, ids(strict));
      for (Fusion fusion : STRICT_FUSIONS) {
        score(
            scores, "hybrid strict " + fusion.name(), question, fusion.fuse(strict, semantic, 10));
      }
    }
    out.printf("-- vectors: %s; expansion: %s%n", vectors.description, expansion);
    Function<String, Double> ndcg = name -> scores.get(name).ndcg10();
    double bestSingle = Math.max(ndcg.apply("keyword"), ndcg.apply("semantic"));
    scores.forEach(
        (name, score) ->
            out.printf(
                "%-44s %6.3f %6.3f %8.3f | %8.3f %8.3f%s%n",
                "  " + name,
                score.recall5(),
                score.recall10(),
                score.ndcg10(),
                score.ndcg10(Kind.KEYWORD),
                score.ndcg10(Kind.SEMANTIC),
                name.startsWith("hybrid") && score.ndcg10() > bestSingle ? "  beats both" : ""));
    Map.Entry<String, RetrievalScore> best =
        scores.entrySet().stream()
            .filter(e -> e.getKey().startsWith("hybrid"))
            .max(java.util.Comparator.comparingDouble(e -> e.getValue().ndcg10()))
            .orElseThrow();
    // With the keyword side alone expanded there is no production call: its fusion on the lists.
    RetrievalScore production =
        scores.getOrDefault(
            PRODUCTION,
            scores.get(
                "hybrid "
                    + Fusion.rrf(
                            ReciprocalRankFusion.K,
                            ReciprocalRankFusion.KEYWORD_WEIGHT,
                            ReciprocalRankFusion.SEMANTIC_WEIGHT)
                        .name()));
    comparePaired("production hybrid", production, scores);
    if (best.getValue() != production) {
      comparePaired(best.getKey(), best.getValue(), scores);
    }
    return String.format(
        Locale.ROOT,
        "%-58s %8.3f %8.3f %8s  %s %.3f",
        vectors.description + " / " + expansion,
        ndcg.apply("keyword"),
        ndcg.apply("semantic"),
        String.format(Locale.ROOT, "%.3f", production.ndcg10()),
        best.getKey().substring("hybrid ".length()),
        best.getValue().ndcg10());
  }

  /** Prints {@code hybrid} against each single side on the same questions (see below). */
  private void comparePaired(
      String name, RetrievalScore hybrid, Map<String, RetrievalScore> scores) {
    for (String side : List.of("keyword", "semantic")) {
      PairedComparison paired =
          PairedComparison.of(hybrid.ndcg10PerQuestion(), scores.get(side).ndcg10PerQuestion());
      out.printf("  paired nDCG@10, %s - %s: %s%n", name, side, paired.describe());
    }
  }

  private static List<Scored> scored(
      MemorySearch search, Vectors vectors, String text, Mode mode, int k) {
    List<MemoryHit> hits = search.search(MemoryQuery.of(vectors.tenant(), PROJECT, text, mode, k));
    return hits.stream().map(h -> new Scored(memoryId(h.memoryId()), h.score())).toList();
  }

  /** The labelled set's id of an indexed document id. */
  static String memoryId(String documentId) {
    return documentId.substring(documentId.indexOf(':') + 1);
  }

  private static List<String> ids(List<Scored> scored) {
    return scored.stream().map(Scored::id).toList();
  }

  private static void score(
      Map<String, RetrievalScore> scores, String name, Question question, List<String> ranked) {
    scores.computeIfAbsent(name, n -> new RetrievalScore()).add(question, ranked);
  }
}
