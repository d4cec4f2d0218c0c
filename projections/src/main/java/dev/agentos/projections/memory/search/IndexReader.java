package dev.agentos.projections.memory.search;

import static dev.agentos.projections.memory.search.MemoryFields.*;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.agentos.projections.embedding.MemoryEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The read calls search, related graph and categories make on the memory index. */
final class IndexReader {

  /** A document as a search returned it, with its rank (from 1) and Elasticsearch's score. */
  record Ranked(String id, int rank, double score, Map<String, Object> doc) {}

  private final ElasticsearchClient client;
  private final String index;

  IndexReader(ElasticsearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  String index() {
    return index;
  }

  /**
   * The {@code size} nearest vectors of {@link MemoryEmbedder#MODEL_NAME} to {@code vector} among
   * the documents {@code filters} allow. The score is the cosine similarity (Elasticsearch reports
   * {@code (1 + cosine) / 2} for a cosine field; that is undone here).
   */
  List<Ranked> nearest(List<Float> vector, List<Query> filters, int size) {
    List<Query> all = new ArrayList<>(filters);
    all.add(ScopeFilters.term(EMBEDDING_MODEL, MemoryEmbedder.MODEL_NAME));
    List<Ranked> hits =
        search(
            s ->
                withoutVector(s, size)
                    .knn(
                        k ->
                            k.field(EMBEDDING)
                                .queryVector(vector)
                                .k(size)
                                .numCandidates(Math.max(100, size * 10))
                                .filter(all)));
    return hits.stream()
        .map(h -> new Ranked(h.id(), h.rank(), 2 * h.score() - 1, h.doc()))
        .toList();
  }

  /** Documents of one request, ranked as returned, without their vectors. */
  List<Ranked> search(Function<SearchRequest.Builder, SearchRequest.Builder> request) {
    return ranked(execute(request));
  }

  SearchRequest.Builder withoutVector(SearchRequest.Builder s, int size) {
    return s.index(index).size(size).source(src -> src.filter(f -> f.excludes(EMBEDDING)));
  }

  @SuppressWarnings("rawtypes")
  SearchResponse<Map> execute(Function<SearchRequest.Builder, SearchRequest.Builder> request) {
    try {
      return client.search(request.apply(new SearchRequest.Builder()).build(), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException("memory index " + index + " unreachable", e);
    } catch (ElasticsearchException e) {
      throw new IllegalStateException(
          "memory index " + index + " refused a search: " + e.getMessage(), e);
    }
  }

  /** The document of {@code memoryId} with its vector, or null when there is none. */
  @SuppressWarnings("unchecked")
  Map<String, Object> get(String memoryId) {
    try {
      var response = client.get(g -> g.index(index).id(memoryId), Map.class);
      return response.found() ? (Map<String, Object>) response.source() : null;
    } catch (IOException e) {
      throw new UncheckedIOException("memory index " + index + " unreachable", e);
    }
  }

  /** The documents of {@code ids} that exist, without vectors, by id. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Map<String, Map<String, Object>> getAll(Collection<String> ids) {
    Map<String, Map<String, Object>> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    try {
      var docs =
          client
              .mget(m -> m.index(index).ids(List.copyOf(ids)).sourceExcludes(EMBEDDING), Map.class)
              .docs();
      for (MultiGetResponseItem<Map> item : docs) {
        if (item.isFailure()) {
          throw new IllegalStateException(
              "cannot read memory " + item.failure().id() + ": " + item.failure().error().reason());
        }
        if (item.result().found()) {
          found.put(item.result().id(), (Map<String, Object>) item.result().source());
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("memory index " + index + " unreachable", e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<Ranked> ranked(SearchResponse<Map> response) {
    List<Hit<Map>> hits = response.hits().hits();
    List<Ranked> ranked = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      Hit<Map> hit = hits.get(i);
      ranked.add(
          new Ranked(
              hit.id(),
              i + 1,
              hit.score() == null ? 0 : hit.score(),
              (Map<String, Object>) hit.source()));
    }
    return ranked;
  }
}
