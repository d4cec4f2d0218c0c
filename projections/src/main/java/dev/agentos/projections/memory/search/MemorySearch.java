package dev.agentos.projections.memory.search;

import static dev.agentos.projections.memory.search.MemoryFields.*;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import dev.agentos.projections.embedding.MemoryEmbedder;
import dev.agentos.projections.memory.search.MemoryFields.State;
import dev.agentos.projections.memory.search.ReciprocalRankFusion.Fused;
import dev.agentos.projections.memory.search.ReciprocalRankFusion.MatchedBy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Searches one tenant's memories by keyword (BM25 on content, tags boosted), by meaning (kNN on the
 * embedding of the query) or both, fused by {@link ReciprocalRankFusion}. The tenant filter is in
 * every query, kNN included, so another tenant's memories never reach the ranking at all.
 *
 * <p>kNN only compares vectors of {@link MemoryEmbedder#MODEL_NAME}, the model that embeds the
 * query: a client-supplied vector of another model lives in another space.
 */
public final class MemorySearch {

  /** Each side of a hybrid search ranks this many at least, so fusion sees beyond the top k. */
  static final int HYBRID_WINDOW = 50;

  private static final double TAG_BOOST = 2.0;

  private final ElasticsearchClient client;
  private final String index;
  private final MemoryEmbedder embedder;

  public MemorySearch(ElasticsearchClient client, String indexOrAlias, MemoryEmbedder embedder) {
    this.client = client;
    this.index = indexOrAlias;
    this.embedder = embedder;
  }

  public List<MemoryHit> search(MemoryQuery query) {
    return switch (query.mode()) {
      case KEYWORD -> keyword(query, query.k());
      case SEMANTIC -> semantic(query, query.k());
      case HYBRID -> hybrid(query);
    };
  }

  private List<MemoryHit> hybrid(MemoryQuery query) {
    int window = Math.max(query.k(), HYBRID_WINDOW);
    List<MemoryHit> keyword = keyword(query, window);
    List<MemoryHit> semantic = semantic(query, window);
    Map<String, Map<String, Object>> docs = new HashMap<>();
    keyword.forEach(hit -> docs.put(hit.memoryId(), hit.document()));
    semantic.forEach(hit -> docs.put(hit.memoryId(), hit.document()));
    List<Fused> fused = ReciprocalRankFusion.fuse(ids(keyword), ids(semantic), query.k());
    return fused.stream()
        .map(f -> new MemoryHit(f.id(), f.score(), f.matchedBy(), docs.get(f.id())))
        .toList();
  }

  private List<MemoryHit> keyword(MemoryQuery query, int size) {
    List<FieldValue> words =
        Arrays.stream(query.text().toLowerCase(Locale.ROOT).split("\\W+"))
            .filter(word -> !word.isEmpty())
            .map(FieldValue::of)
            .toList();
    Query match =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(filters(query))
                            .should(s -> s.match(m -> m.field(CONTENT).query(query.text())))
                            .should(
                                s ->
                                    s.terms(
                                        t ->
                                            t.field(TAGS)
                                                .terms(v -> v.value(words))
                                                .boost((float) TAG_BOOST)))
                            .minimumShouldMatch("1")));
    return run(SearchRequest.of(s -> base(s, size).query(match)), MatchedBy.KEYWORD);
  }

  private List<MemoryHit> semantic(MemoryQuery query, int size) {
    List<Float> vector = new ArrayList<>();
    for (float value : embedder.embedQuery(query.text())) {
      vector.add(value);
    }
    List<Query> filters = new ArrayList<>(filters(query));
    filters.add(term(EMBEDDING_MODEL, MemoryEmbedder.MODEL_NAME));
    return run(
        SearchRequest.of(
            s ->
                base(s, size)
                    .knn(
                        k ->
                            k.field(EMBEDDING)
                                .queryVector(vector)
                                .k(size)
                                .numCandidates(Math.max(100, size * 10))
                                .filter(filters))),
        MatchedBy.SEMANTIC);
  }

  private SearchRequest.Builder base(SearchRequest.Builder s, int size) {
    return s.index(index).size(size).source(src -> src.filter(f -> f.excludes(EMBEDDING)));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<MemoryHit> run(SearchRequest request, MatchedBy matchedBy) {
    try {
      List<Hit<Map>> hits = client.search(request, Map.class).hits().hits();
      return hits.stream()
          .map(
              hit ->
                  new MemoryHit(
                      hit.id(),
                      hit.score() == null ? 0 : hit.score(),
                      matchedBy,
                      (Map<String, Object>) hit.source()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tenant always; the optional scope filters; active and unexpired unless asked otherwise. */
  static List<Query> filters(MemoryQuery query) {
    List<Query> filters = new ArrayList<>();
    filters.add(term(TENANT_ID, query.tenantId()));
    if (query.projectId() != null) {
      filters.add(term(PROJECT_ID, query.projectId()));
    }
    if (query.contextId() != null) {
      filters.add(term(CONTEXT_ID, query.contextId()));
    }
    if (query.type() != null) {
      filters.add(term(TYPE, query.type()));
    }
    query.tags().forEach(tag -> filters.add(term(TAGS, tag)));
    if (!query.includeInactive()) {
      filters.add(term(STATE, State.ACTIVE.name()));
      filters.add(
          Query.of(
              q ->
                  q.bool(
                      b ->
                          b.should(
                                  s ->
                                      s.range(
                                          r ->
                                              r.untyped(
                                                  u -> u.field(EXPIRES_AT).gt(JsonData.of("now")))))
                              .should(
                                  s ->
                                      s.bool(
                                          n -> n.mustNot(m -> m.exists(e -> e.field(EXPIRES_AT)))))
                              .minimumShouldMatch("1"))));
    }
    return filters;
  }

  private static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }

  private static List<String> ids(List<MemoryHit> hits) {
    return hits.stream().map(MemoryHit::memoryId).toList();
  }
}
