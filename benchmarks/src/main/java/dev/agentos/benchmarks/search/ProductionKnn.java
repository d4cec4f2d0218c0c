package dev.agentos.benchmarks.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.search.IndexReader;
import dev.agentos.readmodels.search.KnnClause;
import dev.agentos.readmodels.search.MemoryFilters;
import dev.agentos.readmodels.search.MemoryQuery.Inclusion;
import dev.agentos.readmodels.search.ScopeFilters;
import java.util.ArrayList;
import java.util.List;

/**
 * Production's semantic side for the vector benchmark: the same filters ({@link
 * ScopeFilters#withVectorsOf}), kNN clause ({@link KnnClause#pool}: {@code k} hits from {@code
 * max(100, 10k)} candidates) and ids-only search ({@link IndexReader#nearestIds}) a hybrid search
 * sends, so a recall figure is the recall of what search really asks.
 */
public final class ProductionKnn {

  private final IndexReader reader;
  private final List<Query> filters;

  /** Searches {@code index} over all active memories of one tenant and project. */
  public ProductionKnn(ElasticsearchClient client, String index, String tenant, String project) {
    this.reader = new IndexReader(client, index);
    this.filters =
        ScopeFilters.withVectorsOf(
            MemoryEmbedder.MODEL_NAME, tenant, project, MemoryFilters.NONE, Inclusion.ACTIVE_ONLY);
  }

  /** The filters every kNN search of this scope carries, for an exact search over the same set. */
  public List<Query> filters() {
    return filters;
  }

  /** The ids of the {@code k} nearest memories to {@code vector}, as production ranks them. */
  public List<String> nearest(float[] vector, int k) {
    List<Float> boxed = new ArrayList<>(vector.length);
    for (float value : vector) {
      boxed.add(value);
    }
    return reader.nearestIds(KnnClause.pool(boxed, filters, k), k).stream()
        .map(IndexReader.Ranked::id)
        .toList();
  }
}
