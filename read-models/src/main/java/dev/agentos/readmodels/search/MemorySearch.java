package dev.agentos.readmodels.search;

import static dev.agentos.readmodels.search.MemoryFields.*;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.search.IndexReader.Ranked;
import dev.agentos.readmodels.search.IndexReader.Sides;
import dev.agentos.readmodels.search.ReciprocalRankFusion.Fused;
import dev.agentos.readmodels.search.ReciprocalRankFusion.MatchedBy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Searches one tenant's and project's memories by keyword (BM25 on content, tags boosted), by
 * meaning (kNN on the embedding of the query) or both, fused by {@link ReciprocalRankFusion}, then
 * optionally re-ranked by recency and access frequency ({@link MemoryQuery.Weighting}). The scope
 * filters ({@link ScopeFilters}) are in every query, kNN included, so memories out of scope never
 * reach the ranking at all.
 *
 * <p>How often each candidate was read comes from beside the index ({@link AccessCounts}, the
 * Cassandra read model on the query side), in one call for all the candidates, and every hit
 * carries it: a read never writes the index.
 *
 * <p>kNN only compares vectors of {@link MemoryEmbedder#MODEL_NAME}, the model that embeds the
 * query: a client-supplied vector of another model lives in another space.
 */
public final class MemorySearch {

  /**
   * A weighted search re-ranks this many candidates, so an older hit can give way to a fresher one.
   */
  static final int CANDIDATE_WINDOW = 50;

  /**
   * Each side of a hybrid search ranks this many at least, so fusion sees beyond the top k. The kNN
   * side's cost grows with it (it explores ten candidates per hit in every segment).
   */
  public static final int HYBRID_WINDOW = 50;

  private static final double TAG_BOOST = 2.0;

  /** The share of a question's remaining words a hybrid keyword hit must hold. */
  private static final String STRICT_SHOULD_MATCH = "60%";

  private final IndexReader reader;
  private final MemoryEmbedder embedder;
  private final Clock clock;
  private final int hybridWindow;
  private final AccessCounts accessCounts;

  /** Whether a hybrid search sends its keyword side while the query is embedded. */
  private final boolean overlap;

  public MemorySearch(ElasticsearchClient client, String indexOrAlias, MemoryEmbedder embedder) {
    this(client, indexOrAlias, embedder, Clock.systemUTC());
  }

  /** {@code clock} is the "now" recency weighting measures ages from. */
  public MemorySearch(
      ElasticsearchClient client, String indexOrAlias, MemoryEmbedder embedder, Clock clock) {
    this(
        new IndexReader(client, indexOrAlias),
        embedder,
        clock,
        HYBRID_WINDOW,
        true,
        AccessCounts.NONE);
  }

  private MemorySearch(
      IndexReader reader,
      MemoryEmbedder embedder,
      Clock clock,
      int hybridWindow,
      boolean overlap,
      AccessCounts accessCounts) {
    this.reader = reader;
    this.embedder = embedder;
    this.clock = clock;
    this.hybridWindow = hybridWindow;
    this.overlap = overlap;
    this.accessCounts = accessCounts;
  }

  /**
   * The same search with the reads of its candidates from {@code counts}; without, every memory
   * counts as never read.
   */
  public MemorySearch withAccessCounts(AccessCounts counts) {
    return new MemorySearch(reader, embedder, clock, hybridWindow, overlap, counts);
  }

  /**
   * The same search with each hybrid side ranking {@code window} instead of {@link #HYBRID_WINDOW}:
   * what the benchmarks weigh speed against quality with.
   */
  public MemorySearch withHybridWindow(int window) {
    if (window < 1 || window > MemoryQuery.MAX_K * 10) {
      throw new IllegalArgumentException(
          "hybrid window must be between 1 and " + MemoryQuery.MAX_K * 10 + ", was " + window);
    }
    return new MemorySearch(reader, embedder, clock, window, overlap, accessCounts);
  }

  /**
   * The same search with a hybrid query embedded first and both sides sent after it in one {@code
   * _msearch}, as before the keyword side overlapped the embedding: what the benchmarks compare.
   */
  public MemorySearch withoutOverlap() {
    return new MemorySearch(reader, embedder, clock, hybridWindow, false, accessCounts);
  }

  public List<MemoryHit> search(MemoryQuery query) {
    boolean rerank = query.weighting().active();
    int window = rerank ? Math.max(query.k(), CANDIDATE_WINDOW) : query.k();
    List<MemoryHit> candidates =
        switch (query.mode()) {
          case KEYWORD -> single(query, keyword(query, window), MatchedBy.KEYWORD);
          case SEMANTIC -> single(query, semantic(query, window), MatchedBy.SEMANTIC);
          case HYBRID -> hybrid(query, rerank);
        };
    List<MemoryHit> ordered = new ArrayList<>(candidates);
    if (rerank) {
      ordered.sort(Comparator.comparingDouble(MemoryHit::score).reversed());
    }
    return List.copyOf(ordered.subList(0, Math.min(query.k(), ordered.size())));
  }

  private List<MemoryHit> single(MemoryQuery query, List<Ranked> ranked, MatchedBy matchedBy) {
    Map<String, Long> counts =
        AccessCounts.await(accessCounts.ofCandidates(query.tenantId(), ids(ranked)));
    Instant now = clock.instant();
    return ranked.stream()
        .map(
            r -> {
              boolean byKeyword = matchedBy == MatchedBy.KEYWORD;
              return MemoryHit.scored(
                  query,
                  now,
                  r.id(),
                  matchedBy,
                  byKeyword ? r : null,
                  byKeyword ? null : r,
                  null,
                  r.score(),
                  r.doc(),
                  counts);
            })
        .toList();
  }

  /**
   * Both sides ranked in one round trip without their documents, fused, then the documents of the
   * fused hits kept: the top k, or every candidate when weighting re-ranks them. A memory gone from
   * the index between the two calls is left out.
   */
  private List<MemoryHit> hybrid(MemoryQuery query, boolean rerank) {
    int window = Math.max(query.k(), hybridWindow);
    String words = QuestionWords.strip(query.text());
    Query keyword = words.isBlank() ? null : keywordQuery(words, true, filters(query));
    Sides sides = sides(query, keyword, vectorFilters(query), window);
    Map<String, Ranked> byKeyword = byId(sides.keyword());
    Map<String, Ranked> bySemantic = byId(sides.semantic());
    List<Fused> fused =
        ReciprocalRankFusion.fuse(
            ids(sides.keyword()),
            ids(sides.semantic()),
            rerank ? sides.keyword().size() + sides.semantic().size() : query.k());
    List<String> fusedIds = fused.stream().map(Fused::id).toList();
    // Cassandra answers while Elasticsearch does.
    CompletableFuture<Map<String, Long>> reads =
        accessCounts.ofCandidates(query.tenantId(), fusedIds);
    Map<String, Map<String, Object>> docs = reader.sources(query.tenantId(), fusedIds);
    Map<String, Long> counts = AccessCounts.await(reads);
    Instant now = clock.instant();
    return fused.stream()
        .filter(f -> docs.containsKey(f.id()))
        .map(
            f ->
                MemoryHit.scored(
                    query,
                    now,
                    f.id(),
                    f.matchedBy(),
                    byKeyword.get(f.id()),
                    bySemantic.get(f.id()),
                    f.score(),
                    f.score(),
                    docs.get(f.id()),
                    counts))
        .toList();
  }

  /**
   * Both sides ranked. A query whose vector is still to be computed sends its keyword side first
   * and embeds while Elasticsearch answers it, then asks kNN: the two overlap instead of adding up.
   * A cached vector (or no keyword side) leaves nothing to overlap: one {@code _msearch} then.
   */
  private Sides sides(MemoryQuery query, Query keyword, List<Query> vectorFilters, int window) {
    float[] cached = embedder.cachedQuery(query.tenantId(), query.text());
    if (!overlap || keyword == null || cached != null) {
      List<Float> vector = cached != null ? boxed(cached) : vector(query);
      return reader.hybrid(keyword, KnnClause.pool(vector, vectorFilters, window), window);
    }
    CompletableFuture<List<Ranked>> keywordSide = reader.rankAsync(keyword, window);
    List<Ranked> semantic =
        reader.nearestIds(KnnClause.pool(vector(query), vectorFilters, window), window);
    return new Sides(reader.await(keywordSide), semantic);
  }

  /** Keyword search alone: every word of the question counts. */
  private List<Ranked> keyword(MemoryQuery query, int size) {
    Query match = keywordQuery(query.text(), false, filters(query));
    return reader.search(s -> reader.withoutVector(s, size).query(match));
  }

  /**
   * BM25 on content, tags boosted, inside {@code filters} (filter context: they neither score nor
   * vary per question, so Elasticsearch can cache them). Alone, every word counts; in hybrid search
   * ({@code strict}) the keyword side asks only for what the question is about ({@link
   * QuestionWords}) and for most of it, so that it adds the exact identifiers and codes semantic
   * search misses instead of memories that share phrasing.
   */
  private static Query keywordQuery(String text, boolean strict, List<Query> filters) {
    List<FieldValue> words =
        Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\W+"))
            .filter(word -> !word.isEmpty())
            .map(FieldValue::of)
            .toList();
    Query content =
        Query.of(
            q ->
                q.match(
                    m ->
                        m.field(CONTENT)
                            .query(text)
                            .minimumShouldMatch(strict ? STRICT_SHOULD_MATCH : "1")));
    Query tags =
        Query.of(
            q -> q.terms(t -> t.field(TAGS).terms(v -> v.value(words)).boost((float) TAG_BOOST)));
    // Strict: the content must match and a tag only raises the score; otherwise either finds.
    return Query.of(
        q ->
            q.bool(
                b ->
                    strict
                        ? b.filter(filters).must(content).should(tags)
                        : b.filter(filters).should(content).should(tags).minimumShouldMatch("1")));
  }

  private List<Ranked> semantic(MemoryQuery query, int size) {
    return reader.nearest(vector(query), vectorFilters(query), size);
  }

  private List<Float> vector(MemoryQuery query) {
    return boxed(embedder.embedQuery(query.tenantId(), query.text()));
  }

  private static List<Float> boxed(float[] values) {
    List<Float> vector = new ArrayList<>(values.length);
    for (float value : values) {
      vector.add(value);
    }
    return vector;
  }

  static List<Query> filters(MemoryQuery query) {
    return ScopeFilters.of(query.tenantId(), query.projectId(), query.filters(), query.include());
  }

  /** The same scope for kNN: memories with a vector of the model that embeds the query. */
  private static List<Query> vectorFilters(MemoryQuery query) {
    return ScopeFilters.withVectorsOf(
        MemoryEmbedder.MODEL_NAME,
        query.tenantId(),
        query.projectId(),
        query.filters(),
        query.include());
  }

  private static Map<String, Ranked> byId(List<Ranked> ranked) {
    Map<String, Ranked> byId = new HashMap<>();
    ranked.forEach(r -> byId.put(r.id(), r));
    return byId;
  }

  private static List<String> ids(List<Ranked> ranked) {
    return ranked.stream().map(Ranked::id).toList();
  }
}
