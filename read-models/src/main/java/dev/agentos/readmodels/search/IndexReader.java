package dev.agentos.readmodels.search;

import static dev.agentos.readmodels.search.MemoryFields.*;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.KnnSearch;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.MultisearchBody;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.schemas.streams.StreamIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** The read calls search, related graph and categories make on the memory index. */
public final class IndexReader {

  /** A document as a search returned it, with its rank (from 1) and Elasticsearch's score. */
  public record Ranked(String id, int rank, double score, Map<String, Object> doc) {}

  private final ElasticsearchClient client;

  /** The same transport, for a request sent while the caller does something else. */
  private final ElasticsearchAsyncClient async;

  private final String index;

  public IndexReader(ElasticsearchClient client, String index) {
    this.client = client;
    this.async = new ElasticsearchAsyncClient(client._transport(), client._transportOptions());
    this.index = index;
  }

  String index() {
    return index;
  }

  /**
   * The {@code size} nearest vectors to {@code vector} among the documents {@code filters} allow,
   * which come from {@link ScopeFilters#withVectorsOf} with {@link MemoryEmbedder#MODEL_NAME}: they
   * hold the model, so that no vector of another space is compared. The score is the cosine
   * similarity (Elasticsearch reports {@code (1 + cosine) / 2} for a cosine field; that is undone
   * here). These hits are the answer (semantic search, a related graph's neighbours), so the best
   * candidates are rescored on their float vectors ({@link KnnClause#answer}).
   */
  List<Ranked> nearest(List<Float> vector, List<Query> filters, int size) {
    return cosines(
        search(s -> withoutVector(s, size).knn(KnnClause.answer(vector, filters, size))));
  }

  /** Both sides of a hybrid search as {@link #hybrid} answers them, ranked, without documents. */
  record Sides(List<Ranked> keyword, List<Ranked> semantic) {}

  /**
   * The keyword query (null: no keyword side) and the kNN search, {@code size} hits each, in one
   * {@code _msearch}: one round trip, and Elasticsearch runs the two side by side. Without their
   * documents: fusion keeps only some of them, and loading a source means reading and filtering the
   * whole stored JSON, vector included ({@link #sources} then loads only those kept).
   */
  @SuppressWarnings("rawtypes")
  Sides hybrid(Query keyword, KnnSearch knn, int size) {
    List<MultisearchBody> bodies = new ArrayList<>();
    if (keyword != null) {
      bodies.add(idsOnly(size).query(keyword).build());
    }
    bodies.add(idsOnly(size).knn(knn).build());
    List<MultiSearchResponseItem<Map>> responses;
    try {
      responses =
          client
              .msearch(
                  m -> {
                    m.index(index);
                    bodies.forEach(body -> m.searches(s -> s.header(h -> h).body(body)));
                    return m;
                  },
                  Map.class)
              .responses();
    } catch (IOException e) {
      throw new UncheckedIOException("memory index " + index + " unreachable", e);
    } catch (ElasticsearchException e) {
      throw refused(e.getMessage(), e);
    }
    List<List<Ranked>> ranked = new ArrayList<>();
    for (MultiSearchResponseItem<Map> item : responses) {
      if (item.isFailure()) {
        throw refused(item.failure().error().type() + ": " + item.failure().error().reason(), null);
      }
      ranked.add(rankedIds(item.result().hits().hits()));
    }
    List<Ranked> semantic = cosines(ranked.get(ranked.size() - 1));
    return new Sides(keyword == null ? List.of() : ranked.get(0), semantic);
  }

  /**
   * The keyword side of a hybrid search, {@code size} ids ranked as in {@link #hybrid}, sent
   * without waiting: it needs no vector, so it runs in Elasticsearch while the query is embedded.
   * {@link #await} gets its answer.
   */
  @SuppressWarnings("rawtypes")
  CompletableFuture<List<Ranked>> rankAsync(Query keyword, int size) {
    SearchRequest request = idsOnly(new SearchRequest.Builder(), size).query(keyword).build();
    return async.search(request, Map.class).thenApply(r -> rankedIds(r.hits().hits()));
  }

  /** The kNN side of a hybrid search, {@code size} ids ranked as in {@link #hybrid}. */
  public List<Ranked> nearestIds(KnnSearch knn, int size) {
    return cosines(rankedIds(execute(s -> idsOnly(s, size).knn(knn)).hits().hits()));
  }

  /** The answer of {@link #rankAsync}, failing as the synchronous calls do. */
  List<Ranked> await(CompletableFuture<List<Ranked>> side) {
    try {
      return side.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException("memory index " + index + " unreachable", io);
      }
      if (e.getCause() instanceof ElasticsearchException refusal) {
        throw refused(refusal.getMessage(), refusal);
      }
      throw e;
    }
  }

  /** {@link #idsOnly(int)} for a single search. */
  private SearchRequest.Builder idsOnly(SearchRequest.Builder s, int size) {
    return s.index(index)
        .size(size)
        .storedFields("_none_")
        .docvalueFields(f -> f.field(MEMORY_ID))
        .trackTotalHits(t -> t.enabled(false));
  }

  /**
   * No stored fields at all, not even {@code _id}: Elasticsearch keeps {@code _id} beside the
   * source, so reading it decompresses the source too. The id comes from the doc values of {@link
   * MemoryFields#MEMORY_ID} instead (a memory's document id is its id within its tenant, {@link
   * StreamIds}, of which the field holds the memory id).
   */
  private static MultisearchBody.Builder idsOnly(int size) {
    return new MultisearchBody.Builder()
        .size(size)
        .storedFields("_none_")
        .docvalueFields(f -> f.field(MEMORY_ID))
        .trackTotalHits(t -> t.enabled(false));
  }

  @SuppressWarnings("rawtypes")
  private static List<Ranked> rankedIds(List<Hit<Map>> hits) {
    List<Ranked> ranked = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      Hit<Map> hit = hits.get(i);
      String id = hit.fields().get(MEMORY_ID).toJson().asJsonArray().getString(0);
      ranked.add(new Ranked(id, i + 1, hit.score() == null ? 0 : hit.score(), null));
    }
    return ranked;
  }

  private static List<Ranked> cosines(List<Ranked> hits) {
    return hits.stream()
        .map(h -> new Ranked(h.id(), h.rank(), 2 * h.score() - 1, h.doc()))
        .toList();
  }

  /** Documents of one request, ranked as returned, without their vectors. */
  List<Ranked> search(Function<SearchRequest.Builder, SearchRequest.Builder> request) {
    return ranked(execute(request));
  }

  /**
   * {@code size} hits with their documents minus the vector, and no total: counting every match
   * would keep Elasticsearch from skipping the documents that cannot reach the top {@code size}.
   */
  SearchRequest.Builder withoutVector(SearchRequest.Builder s, int size) {
    return s.index(index)
        .size(size)
        .source(src -> src.filter(f -> f.excludes(EMBEDDING)))
        .trackTotalHits(t -> t.enabled(false));
  }

  @SuppressWarnings("rawtypes")
  SearchResponse<Map> execute(Function<SearchRequest.Builder, SearchRequest.Builder> request) {
    try {
      return client.search(request.apply(new SearchRequest.Builder()).build(), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException("memory index " + index + " unreachable", e);
    } catch (ElasticsearchException e) {
      throw refused(e.getMessage(), e);
    }
  }

  private IllegalStateException refused(String reason, Exception cause) {
    return new IllegalStateException(
        "memory index " + index + " refused a search: " + reason, cause);
  }

  /** The document of the tenant's {@code memoryId} with its vector, or null when there is none. */
  @SuppressWarnings("unchecked")
  Map<String, Object> get(String tenantId, String memoryId) {
    try {
      var response =
          client.get(g -> g.index(index).id(StreamIds.of(tenantId, memoryId)), Map.class);
      return response.found() ? (Map<String, Object>) response.source() : null;
    } catch (IOException e) {
      throw new UncheckedIOException("memory index " + index + " unreachable", e);
    }
  }

  /** The documents of the tenant's memories {@code ids} that exist, without vectors, by id. */
  Map<String, Map<String, Object>> getAll(String tenantId, Collection<String> ids) {
    return getAll(tenantId, ids, true);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Map<String, Map<String, Object>> getAll(
      String tenantId, Collection<String> ids, boolean realtime) {
    Map<String, Map<String, Object>> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    List<String> documentIds = ids.stream().map(id -> StreamIds.of(tenantId, id)).toList();
    try {
      var docs =
          client
              .mget(
                  m -> m.index(index).ids(documentIds).sourceExcludes(EMBEDDING).realtime(realtime),
                  Map.class)
              .docs();
      for (MultiGetResponseItem<Map> item : docs) {
        if (item.isFailure()) {
          throw new IllegalStateException(
              "cannot read memory " + item.failure().id() + ": " + item.failure().error().reason());
        }
        if (item.result().found()) {
          found.put(
              StreamIds.idOf(item.result().id()), (Map<String, Object>) item.result().source());
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("memory index " + index + " unreachable", e);
    }
  }

  /**
   * The documents of {@code ids} without vectors, by id, as the last refresh left them: the view
   * the search that found them had, not a newer version a realtime get would read.
   */
  Map<String, Map<String, Object>> sources(String tenantId, Collection<String> ids) {
    return getAll(tenantId, ids, false);
  }

  @SuppressWarnings("rawtypes")
  static List<Ranked> ranked(SearchResponse<Map> response) {
    return ranked(response.hits().hits());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Ranked> ranked(List<Hit<Map>> hits) {
    List<Ranked> ranked = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      Hit<Map> hit = hits.get(i);
      ranked.add(
          new Ranked(
              StreamIds.idOf(hit.id()),
              i + 1,
              hit.score() == null ? 0 : hit.score(),
              (Map<String, Object>) hit.source()));
    }
    return ranked;
  }
}
