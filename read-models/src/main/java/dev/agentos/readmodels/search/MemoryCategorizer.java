package dev.agentos.readmodels.search;

import static dev.agentos.readmodels.search.MemoryFields.*;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.search.EmbeddingClusters.Member;
import dev.agentos.readmodels.search.MemoryCategories.Example;
import dev.agentos.readmodels.search.MemoryCategories.Sample;
import dev.agentos.readmodels.search.MemoryCategories.TagCategory;
import dev.agentos.readmodels.search.MemoryQuery.Inclusion;
import dev.agentos.schemas.streams.StreamIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The categories of a scope's active memories: tag counts with their newest members (a terms
 * aggregation with top hits, over the whole scope), and clusters of the newest vectors ({@link
 * EmbeddingClusters}). Clustering runs here, not in Elasticsearch, so it is bounded by {@link
 * CategoryRequest#sampleSize()} and the answer says how much it saw.
 */
public final class MemoryCategorizer {

  private static final String TAGS_AGGREGATION = "tags";
  private static final String EXAMPLES_AGGREGATION = "examples";

  private final IndexReader reader;

  public MemoryCategorizer(ElasticsearchClient client, String indexOrAlias) {
    this.reader = new IndexReader(client, indexOrAlias);
  }

  public MemoryCategories categorise(CategoryRequest request) {
    List<Query> scope =
        ScopeFilters.of(
            request.tenantId(), request.projectId(), request.filters(), Inclusion.ACTIVE_ONLY);
    @SuppressWarnings("rawtypes")
    SearchResponse<Map> tags = tagCounts(scope, request);
    long inScope = tags.hits().total() == null ? 0 : tags.hits().total().value();
    List<TagCategory> tagCategories = new ArrayList<>();
    for (StringTermsBucket bucket :
        tags.aggregations().get(TAGS_AGGREGATION).sterms().buckets().array()) {
      List<Example> examples =
          bucket.aggregations().get(EXAMPLES_AGGREGATION).topHits().hits().hits().stream()
              .map(MemoryCategorizer::example)
              .toList();
      tagCategories.add(new TagCategory(bucket.key().stringValue(), bucket.docCount(), examples));
    }
    List<Query> withVectors =
        ScopeFilters.withVectorsOf(
            MemoryEmbedder.MODEL_NAME,
            request.tenantId(),
            request.projectId(),
            request.filters(),
            Inclusion.ACTIVE_ONLY);
    @SuppressWarnings("rawtypes")
    SearchResponse<Map> newest = newestVectors(withVectors, request.sampleSize());
    List<Member> sample = members(newest);
    long withVector = newest.hits().total() == null ? 0 : newest.hits().total().value();
    return new MemoryCategories(
        inScope,
        tagCategories,
        EmbeddingClusters.cluster(sample, request.clusters(), request.examples()),
        sample(sample.size(), request.sampleSize(), withVector, inScope));
  }

  @SuppressWarnings("rawtypes")
  private SearchResponse<Map> tagCounts(List<Query> scope, CategoryRequest request) {
    return reader.execute(
        s ->
            s.index(reader.index())
                .size(0)
                .trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> b.filter(scope)))
                .aggregations(
                    TAGS_AGGREGATION,
                    a ->
                        a.terms(t -> t.field(TAGS).size(request.tagLimit()))
                            .aggregations(
                                EXAMPLES_AGGREGATION,
                                sub ->
                                    sub.topHits(
                                        h ->
                                            h.size(request.examples())
                                                .source(
                                                    src ->
                                                        src.filter(
                                                            f -> f.includes(MEMORY_ID, CONTENT)))
                                                .sort(
                                                    o ->
                                                        o.field(
                                                            f ->
                                                                f.field(CREATED_AT)
                                                                    .order(SortOrder.Desc)))))));
  }

  @SuppressWarnings("rawtypes")
  private SearchResponse<Map> newestVectors(List<Query> filters, int size) {
    return reader.execute(
        s ->
            s.index(reader.index())
                .size(size)
                .trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> b.filter(filters)))
                .sort(o -> o.field(f -> f.field(CREATED_AT).order(SortOrder.Desc)))
                .source(src -> src.filter(f -> f.includes(MEMORY_ID, CONTENT, TAGS, EMBEDDING))));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Member> members(SearchResponse<Map> response) {
    List<Member> members = new ArrayList<>();
    for (Hit<Map> hit : response.hits().hits()) {
      Map<String, Object> doc = hit.source();
      List<Number> values = (List<Number>) doc.get(EMBEDDING);
      double[] vector = new double[values.size()];
      for (int i = 0; i < vector.length; i++) {
        vector[i] = values.get(i).doubleValue();
      }
      members.add(
          new Member(
              StreamIds.idOf(hit.id()),
              (String) doc.get(CONTENT),
              (List<String>) doc.getOrDefault(TAGS, List.of()),
              vector));
    }
    return members;
  }

  private static Example example(Hit<JsonData> hit) {
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = hit.source().to(Map.class);
    return new Example(StreamIds.idOf(hit.id()), (String) doc.get(CONTENT));
  }

  static Sample sample(int clustered, int limit, long withVector, long inScope) {
    boolean complete = clustered == inScope;
    String note =
        complete
            ? "all " + clustered + " memories in scope were clustered"
            : "the newest "
                + clustered
                + " of "
                + inScope
                + " memories in scope were clustered ("
                + withVector
                + " have a vector of "
                + MemoryEmbedder.MODEL_NAME
                + ", at most "
                + limit
                + " are sampled)";
    return new Sample(clustered, limit, complete, note);
  }
}
