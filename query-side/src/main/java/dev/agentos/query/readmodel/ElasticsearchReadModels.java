package dev.agentos.query.readmodel;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.agentos.query.QuerySideProperties;
import dev.agentos.readmodels.elasticsearch.ElasticsearchJson;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.memory.MemoryReadModelQueries;
import dev.agentos.readmodels.search.IndexSetup;
import dev.agentos.readmodels.search.MemoryCategorizer;
import dev.agentos.readmodels.search.MemorySearch;
import dev.agentos.readmodels.search.RelatedGraph;
import java.time.Clock;
import java.util.List;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The memory index and what reads it: search, related graph, categories. The projection creates the
 * index behind its alias ({@link IndexSetup}); a query side started first waits for it ({@link
 * ReadModelsReady}).
 */
@Configuration(proxyBeanMethods = false)
public class ElasticsearchReadModels {

  @Bean(destroyMethod = "close")
  RestClientTransport elasticsearchTransport(QuerySideProperties properties) {
    return new RestClientTransport(
        RestClient.builder(HttpHost.create(properties.elasticsearch().url())).build(),
        ElasticsearchJson.mapper());
  }

  @Bean
  ElasticsearchClient elasticsearchClient(
      RestClientTransport elasticsearchTransport, QuerySideProperties properties) {
    ElasticsearchClient client = new ElasticsearchClient(elasticsearchTransport);
    String alias = properties.elasticsearch().memoryIndex();
    IndexSetup index = new IndexSetup(client);
    ReadModelsReady.await(
        "memory index " + alias,
        () -> index.exists(alias) ? List.of() : List.of("alias " + alias),
        properties.readModelsWait());
    return client;
  }

  /** The projection's model: a query must be embedded in the same space as the memories. */
  @Bean
  MemoryEmbedder memoryEmbedder() {
    return new MemoryEmbedder();
  }

  /** Access counts come from the Cassandra read model: a read never rewrites a memory document. */
  @Bean
  MemorySearch memorySearch(
      ElasticsearchClient client,
      QuerySideProperties properties,
      MemoryEmbedder embedder,
      Clock clock,
      MemoryReadModelQueries queries) {
    return new MemorySearch(client, properties.elasticsearch().memoryIndex(), embedder, clock)
        .withAccessCounts(queries::accessCounts);
  }

  @Bean
  RelatedGraph relatedGraph(
      MemoryReadModelQueries queries, ElasticsearchClient client, QuerySideProperties properties) {
    return new RelatedGraph(queries, client, properties.elasticsearch().memoryIndex());
  }

  @Bean
  MemoryCategorizer memoryCategorizer(ElasticsearchClient client, QuerySideProperties properties) {
    return new MemoryCategorizer(client, properties.elasticsearch().memoryIndex());
  }
}
