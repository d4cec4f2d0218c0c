package dev.agentos.projections.memory.search;

import static dev.agentos.projections.memory.search.MemoryFields.*;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.agentos.projections.embedding.MemoryEmbedder;
import dev.agentos.projections.memory.search.IndexReader.Ranked;
import dev.agentos.projections.memory.search.MemoryQuery.Mode;
import dev.agentos.projections.memory.search.ReciprocalRankFusion.Fused;
import dev.agentos.projections.memory.search.ReciprocalRankFusion.MatchedBy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Searches one tenant's and project's memories by keyword (BM25 on content, tags boosted), by
 * meaning (kNN on the embedding of the query) or both, fused by {@link ReciprocalRankFusion}, then
 * optionally re-ranked by recency and access frequency ({@link MemoryQuery.Weighting}). The scope
 * filters ({@link ScopeFilters}) are in every query, kNN included, so memories out of scope never
 * reach the ranking at all.
 *
 * <p>kNN only compares vectors of {@link MemoryEmbedder#MODEL_NAME}, the model that embeds the
 * query: a client-supplied vector of another model lives in another space.
 */
public final class MemorySearch {

  /**
   * Each side of a hybrid search ranks this many at least, so fusion sees beyond the top k; a
   * weighted search re-ranks this many candidates, so an older hit can give way to a fresher one.
   */
  static final int CANDIDATE_WINDOW = 50;

  private static final double TAG_BOOST = 2.0;

  /** The share of a question's remaining words a hybrid keyword hit must hold. */
  private static final String STRICT_SHOULD_MATCH = "60%";

  private final IndexReader reader;
  private final MemoryEmbedder embedder;
  private final Clock clock;

  public MemorySearch(ElasticsearchClient client, String indexOrAlias, MemoryEmbedder embedder) {
    this(client, indexOrAlias, embedder, Clock.systemUTC());
  }

  /** {@code clock} is the "now" recency weighting measures ages from. */
  public MemorySearch(
      ElasticsearchClient client, String indexOrAlias, MemoryEmbedder embedder, Clock clock) {
    this.reader = new IndexReader(client, indexOrAlias);
    this.embedder = embedder;
    this.clock = clock;
  }

  public List<MemoryHit> search(MemoryQuery query) {
    boolean rerank = query.weighting().active();
    int window =
        query.mode() == Mode.HYBRID || rerank ? Math.max(query.k(), CANDIDATE_WINDOW) : query.k();
    List<Ranked> keyword = query.mode() == Mode.SEMANTIC ? List.of() : keyword(query, window);
    List<Ranked> semantic = query.mode() == Mode.KEYWORD ? List.of() : semantic(query, window);
    List<MemoryHit> candidates =
        switch (query.mode()) {
          case KEYWORD -> single(query, keyword, MatchedBy.KEYWORD);
          case SEMANTIC -> single(query, semantic, MatchedBy.SEMANTIC);
          case HYBRID -> fused(query, keyword, semantic);
        };
    List<MemoryHit> ordered = new ArrayList<>(candidates);
    if (rerank) {
      ordered.sort(Comparator.comparingDouble(MemoryHit::score).reversed());
    }
    return List.copyOf(ordered.subList(0, Math.min(query.k(), ordered.size())));
  }

  private List<MemoryHit> single(MemoryQuery query, List<Ranked> ranked, MatchedBy matchedBy) {
    Instant now = clock.instant();
    return ranked.stream()
        .map(
            r -> {
              boolean byKeyword = matchedBy == MatchedBy.KEYWORD;
              return hit(
                  query,
                  now,
                  r.id(),
                  matchedBy,
                  byKeyword ? r : null,
                  byKeyword ? null : r,
                  null,
                  r.score(),
                  r.doc());
            })
        .toList();
  }

  private List<MemoryHit> fused(MemoryQuery query, List<Ranked> keyword, List<Ranked> semantic) {
    Map<String, Ranked> byKeyword = byId(keyword);
    Map<String, Ranked> bySemantic = byId(semantic);
    List<Fused> fused =
        ReciprocalRankFusion.fuse(ids(keyword), ids(semantic), keyword.size() + semantic.size());
    Instant now = clock.instant();
    return fused.stream()
        .map(
            f -> {
              Ranked k = byKeyword.get(f.id());
              Ranked s = bySemantic.get(f.id());
              Map<String, Object> doc = k != null ? k.doc() : s.doc();
              return hit(query, now, f.id(), f.matchedBy(), k, s, f.score(), f.score(), doc);
            })
        .toList();
  }

  private static MemoryHit hit(
      MemoryQuery query,
      Instant now,
      String id,
      MatchedBy matchedBy,
      Ranked keyword,
      Ranked semantic,
      Double fusedScore,
      double baseScore,
      Map<String, Object> doc) {
    ScoreExplanation explanation =
        new ScoreExplanation(
            keyword == null ? null : keyword.rank(),
            keyword == null ? null : keyword.score(),
            semantic == null ? null : semantic.rank(),
            semantic == null ? null : semantic.score(),
            fusedScore,
            baseScore,
            ScoreWeighting.recency(query.weighting(), doc, now),
            ScoreWeighting.access(query.weighting(), doc));
    return new MemoryHit(id, explanation.finalScore(), matchedBy, explanation, doc);
  }

  /**
   * BM25 on content, tags boosted. Alone, every word counts; in hybrid search the keyword side asks
   * only for what the question is about ({@link QuestionWords}) and for most of it, so that it adds
   * the exact identifiers and codes semantic search misses instead of memories that share phrasing.
   */
  private List<Ranked> keyword(MemoryQuery query, int size) {
    boolean strict = query.mode() == Mode.HYBRID;
    String text = strict ? QuestionWords.strip(query.text()) : query.text();
    if (text.isBlank()) {
      return List.of();
    }
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
    Query match =
        Query.of(
            q ->
                q.bool(
                    b ->
                        strict
                            ? b.filter(filters(query)).must(content).should(tags)
                            : b.filter(filters(query))
                                .should(content)
                                .should(tags)
                                .minimumShouldMatch("1")));
    return reader.search(s -> reader.withoutVector(s, size).query(match));
  }

  private List<Ranked> semantic(MemoryQuery query, int size) {
    List<Float> vector = new ArrayList<>();
    for (float value : embedder.embedQuery(query.text())) {
      vector.add(value);
    }
    return reader.nearest(vector, filters(query), size);
  }

  static List<Query> filters(MemoryQuery query) {
    return ScopeFilters.of(query.tenantId(), query.projectId(), query.filters(), query.include());
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
