package dev.agentos.benchmarks.search;

import static dev.agentos.benchmarks.search.SearchLatencyBenchmark.K;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.search.MemoryFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plain Elasticsearch queries on the bench index, without scope filters or fusion: the floor the
 * production {@code MemorySearch} is compared with in the same process.
 */
final class BaselineQueries {

  private BaselineQueries() {}

  static void match(BenchIndex index, String question) {
    search(
        index.client(),
        SearchRequest.of(
            s ->
                s.index(index.alias())
                    .size(K)
                    .source(src -> src.filter(f -> f.excludes(MemoryFields.EMBEDDING)))
                    .query(q -> q.match(m -> m.field(MemoryFields.CONTENT).query(question)))));
  }

  static void knn(BenchIndex index, MemoryEmbedder embedder, String question) {
    List<Float> vector = new ArrayList<>();
    for (float value : embedder.embedQuery(question)) {
      vector.add(value);
    }
    search(
        index.client(),
        SearchRequest.of(
            s ->
                s.index(index.alias())
                    .size(K)
                    .source(src -> src.filter(f -> f.excludes(MemoryFields.EMBEDDING)))
                    .knn(
                        k ->
                            k.field(MemoryFields.EMBEDDING)
                                .queryVector(vector)
                                .k(K)
                                .numCandidates(100))));
  }

  static void search(ElasticsearchClient client, SearchRequest request) {
    try {
      client.search(request, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
