package dev.agentos.projections.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.readmodels.elasticsearch.ElasticsearchJson;
import dev.agentos.readmodels.search.IndexSetup;
import java.io.IOException;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/** A memory index of its own on the real Elasticsearch, behind a random alias; {@link #drop}. */
final class TestIndex implements AutoCloseable {

  final String index;
  final String alias;
  final ElasticsearchClient client;
  private final RestClientTransport transport;

  TestIndex(StackEndpoints stack, String prefix) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    this.alias = prefix + "-" + suffix;
    this.index = alias + "-v1";
    this.transport =
        new RestClientTransport(
            RestClient.builder(HttpHost.create(stack.elasticsearchUrl())).build(),
            ElasticsearchJson.mapper());
    this.client = new ElasticsearchClient(transport);
    new IndexSetup(client).ensure(index, alias);
  }

  void refresh() throws IOException {
    client.indices().refresh(r -> r.index(alias));
  }

  @Override
  public void close() throws IOException {
    try {
      client.indices().delete(d -> d.index(index));
    } finally {
      transport.close();
    }
  }
}
