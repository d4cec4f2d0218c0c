package dev.agentos.deploy.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DenseVectorSimilarity;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.InfoResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import java.io.IOException;
import java.util.List;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local Elasticsearch serves what the search read models need, through the official client: a
 * {@code dense_vector} field with kNN search, full-text match, bulk indexing and {@code GET /}.
 */
@ExtendWith(LocalStackExtension.class)
class ElasticsearchSmokeIT {

  private static final String INDEX = "agentos-smoke-notes";

  /** One indexed document. */
  record Note(String body, float[] embedding) {}

  private static RestClientTransport transport;
  private static ElasticsearchClient client;

  @BeforeAll
  static void indexNotes(StackEndpoints stack) throws IOException {
    transport =
        new RestClientTransport(
            RestClient.builder(HttpHost.create(stack.elasticsearchUrl())).build(),
            new JacksonJsonpMapper());
    client = new ElasticsearchClient(transport);
    if (client.indices().exists(e -> e.index(INDEX)).value()) {
      client.indices().delete(d -> d.index(INDEX));
    }
    client
        .indices()
        .create(
            c ->
                c.index(INDEX)
                    .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                    .mappings(
                        m ->
                            m.properties("body", p -> p.text(t -> t))
                                .properties(
                                    "embedding",
                                    p ->
                                        p.denseVector(
                                            v ->
                                                v.dims(3)
                                                    .index(true)
                                                    .similarity(DenseVectorSimilarity.Cosine)))));
    BulkRequest.Builder bulk = new BulkRequest.Builder().index(INDEX);
    bulk.operations(
        o -> o.index(i -> i.id("east").document(new Note("points east", vec(1, 0, 0)))));
    bulk.operations(
        o -> o.index(i -> i.id("north").document(new Note("points north", vec(0, 1, 0)))));
    bulk.operations(
        o -> o.index(i -> i.id("up").document(new Note("the sky is up", vec(0, 0, 1)))));
    BulkResponse response = client.bulk(bulk.build());
    assertThat(response.errors()).isFalse();
    client.indices().refresh(r -> r.index(INDEX));
  }

  private static float[] vec(float x, float y, float z) {
    return new float[] {x, y, z};
  }

  @AfterAll
  static void close() throws IOException {
    if (transport != null) {
      transport.close();
    }
  }

  @Test
  void infoAnswersLikeARealNode() throws IOException {
    InfoResponse info = client.info();

    assertThat(info.version().number()).isEqualTo("8.19.21");
    assertThat(info.tagline()).isEqualTo("You Know, for Search");
    assertThat(client.ping().value()).isTrue();
  }

  @Test
  void knnSearchReturnsTheNearestDocumentsFirst() throws IOException {
    List<String> ids =
        client
            .search(
                s ->
                    s.index(INDEX)
                        .knn(
                            k ->
                                k.field("embedding")
                                    .queryVector(0.2f, 0.9f, 0.1f)
                                    .k(2)
                                    .numCandidates(10)),
                Note.class)
            .hits()
            .hits()
            .stream()
            .map(Hit::id)
            .toList();

    assertThat(ids).containsExactly("north", "east");
  }

  @Test
  void matchQueryFindsADocumentByAWordOfItsText() throws IOException {
    List<Hit<Note>> hits =
        client
            .search(
                s -> s.index(INDEX).query(q -> q.match(m -> m.field("body").query("sky"))),
                Note.class)
            .hits()
            .hits();

    assertThat(hits).extracting(Hit::id).containsExactly("up");
    assertThat(hits.get(0).source().body()).isEqualTo("the sky is up");
  }
}
