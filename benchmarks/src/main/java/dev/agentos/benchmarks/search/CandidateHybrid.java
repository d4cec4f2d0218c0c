package dev.agentos.benchmarks.search;

import static dev.agentos.projections.memory.search.MemoryFields.CONTENT;
import static dev.agentos.projections.memory.search.MemoryFields.EMBEDDING;
import static dev.agentos.projections.memory.search.MemoryFields.EMBEDDING_MODEL;
import static dev.agentos.projections.memory.search.MemoryFields.EXPIRES_AT;
import static dev.agentos.projections.memory.search.MemoryFields.STATE;
import static dev.agentos.projections.memory.search.MemoryFields.TAGS;
import static dev.agentos.projections.memory.search.MemoryFields.TENANT_ID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.json.JsonData;
import dev.agentos.projections.embedding.MemoryEmbedder;
import dev.agentos.projections.memory.search.ReciprocalRankFusion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What hybrid search would cost with two changes to {@code MemorySearch}, measured beside it: both
 * sides sent in one {@code _msearch} (Elasticsearch runs them in parallel, one round trip instead
 * of two in a row), and the expiry filter's {@code now} rounded to the minute ({@code now/m}) so
 * Elasticsearch can cache the filter instead of evaluating it for every query. Same queries,
 * filters, window and fusion as production otherwise.
 */
final class CandidateHybrid {

  private final ElasticsearchClient client;
  private final String index;
  private final MemoryEmbedder embedder;
  private final int window;

  CandidateHybrid(ElasticsearchClient client, String index, MemoryEmbedder embedder, int window) {
    this.client = client;
    this.index = index;
    this.embedder = embedder;
    this.window = window;
  }

  @SuppressWarnings("rawtypes")
  List<ReciprocalRankFusion.Fused> search(String tenant, String text, int k) {
    List<Query> filters = filters(tenant);
    List<Float> vector = new ArrayList<>();
    for (float value : embedder.embedQuery(text)) {
      vector.add(value);
    }
    List<FieldValue> words =
        Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\W+"))
            .filter(word -> !word.isEmpty())
            .map(FieldValue::of)
            .toList();
    List<Query> knnFilters = new ArrayList<>(filters);
    knnFilters.add(
        Query.of(q -> q.term(t -> t.field(EMBEDDING_MODEL).value(MemoryEmbedder.MODEL_NAME))));
    try {
      List<MultiSearchResponseItem<Map>> responses =
          client
              .msearch(
                  m ->
                      m.index(index)
                          .searches(
                              s ->
                                  s.header(h -> h)
                                      .body(
                                          b ->
                                              b.size(window)
                                                  .source(
                                                      src -> src.filter(f -> f.excludes(EMBEDDING)))
                                                  .query(
                                                      q ->
                                                          q.bool(
                                                              bool ->
                                                                  bool.filter(filters)
                                                                      .should(
                                                                          sh ->
                                                                              sh.match(
                                                                                  mt ->
                                                                                      mt.field(
                                                                                              CONTENT)
                                                                                          .query(
                                                                                              text)))
                                                                      .should(
                                                                          sh ->
                                                                              sh.terms(
                                                                                  t ->
                                                                                      t.field(TAGS)
                                                                                          .terms(
                                                                                              v ->
                                                                                                  v
                                                                                                      .value(
                                                                                                          words))
                                                                                          .boost(
                                                                                              2.0f)))
                                                                      .minimumShouldMatch("1")))))
                          .searches(
                              s ->
                                  s.header(h -> h)
                                      .body(
                                          b ->
                                              b.size(window)
                                                  .source(
                                                      src -> src.filter(f -> f.excludes(EMBEDDING)))
                                                  .knn(
                                                      kn ->
                                                          kn.field(EMBEDDING)
                                                              .queryVector(vector)
                                                              .k(window)
                                                              .numCandidates(
                                                                  Math.max(100, window * 10))
                                                              .filter(knnFilters)))),
                  Map.class)
              .responses();
      return ReciprocalRankFusion.fuse(ids(responses.get(0)), ids(responses.get(1)), k);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("rawtypes")
  private static List<String> ids(MultiSearchResponseItem<Map> item) {
    if (item.isFailure()) {
      throw new IllegalStateException("msearch part failed: " + item.failure().error().reason());
    }
    return item.result().hits().hits().stream().map(h -> h.id()).toList();
  }

  private static List<Query> filters(String tenant) {
    return List.of(
        Query.of(q -> q.term(t -> t.field(TENANT_ID).value(tenant))),
        Query.of(q -> q.term(t -> t.field(STATE).value("ACTIVE"))),
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.should(
                                s ->
                                    s.range(
                                        r ->
                                            r.untyped(
                                                u -> u.field(EXPIRES_AT).gt(JsonData.of("now/m")))))
                            .should(
                                s ->
                                    s.bool(n -> n.mustNot(m -> m.exists(e -> e.field(EXPIRES_AT)))))
                            .minimumShouldMatch("1"))));
  }
}
