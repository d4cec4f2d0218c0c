package dev.agentos.projections.wiring;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.agentos.projections.replay.AfterReplay;
import dev.agentos.projections.search.EmbeddingCache;
import dev.agentos.projections.search.EmbeddingCacheIndex;
import dev.agentos.projections.search.MemoryDocuments;
import dev.agentos.projections.search.MemorySearchIndexWriter;
import dev.agentos.projections.search.MemorySearchProjection;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.readmodels.elasticsearch.ElasticsearchJson;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.search.IndexSetup;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group {@value MemorySearchProjection#GROUP}, its Elasticsearch client and the BGE
 * embedder behind its cache. The index is created behind its alias at start-up when the alias is
 * missing, and the cache's index when it is. A replay recreates the index with its refresh paused
 * and resumes it once caught up.
 */
@Configuration
@EnableConfigurationProperties(ReadModelStores.class)
@ConditionalOnProperty(
    name = "agentos.projections.processors." + MemorySearchProjection.GROUP + ".enabled",
    havingValue = "true",
    matchIfMissing = true)
class SearchReadModel {

  @Bean(destroyMethod = "close")
  RestClientTransport elasticsearchTransport(ReadModelStores stores) {
    return new RestClientTransport(
        RestClient.builder(HttpHost.create(stores.elasticsearch().url())).build(),
        ElasticsearchJson.mapper());
  }

  /**
   * {@code elasticsearchTransport} names this class's transport: the event-streams read model has
   * one of its own, which it can run without.
   */
  @Bean
  ElasticsearchClient elasticsearchClient(
      RestClientTransport elasticsearchTransport, ReadModelStores stores) {
    ElasticsearchClient client = new ElasticsearchClient(elasticsearchTransport);
    IndexSetup setup = new IndexSetup(client);
    setup.ensure(stores.elasticsearch().index(), stores.elasticsearch().alias());
    // A replay pauses the refresh until it has caught up; one cut short by a stop never did.
    setup.resumeRefreshIfPaused(stores.elasticsearch().alias());
    new EmbeddingCacheIndex(client, stores.elasticsearch().embeddingCache()).ensure();
    return client;
  }

  /** A rebuilt memory index is searched again once its replay has caught up. */
  @Bean
  AfterReplay memorySearchRefreshResumed(ElasticsearchClient client, ReadModelStores stores) {
    return new AfterReplay() {
      @Override
      public String readModel() {
        return MemorySearchProjection.GROUP;
      }

      @Override
      public boolean caughtUp() {
        new IndexSetup(client).resumeRefresh(stores.elasticsearch().alias());
        return true;
      }
    };
  }

  /** The model loads once (tens of MB of ONNX weights from its jar). */
  @Bean
  MemoryEmbedder memoryEmbedder() {
    return new MemoryEmbedder();
  }

  @Bean
  MemorySearchProjection memorySearchProjection(
      ElasticsearchClient client,
      MemoryEmbedder embedder,
      ReadModelStores stores,
      RefusedRecords refused) {
    ReadModelStores.Elasticsearch index = stores.elasticsearch();
    // A replay recreates the memory index but keeps this cache: it re-embeds only new texts.
    EmbeddingCache embeddings =
        new EmbeddingCache(
            new EmbeddingCacheIndex(client, index.embeddingCache()),
            MemoryEmbedder.MODEL_NAME,
            embedder::embedMemories);
    return new MemorySearchProjection(
        new MemorySearchIndexWriter(client, index.alias(), new MemoryDocuments(embeddings)),
        () -> new IndexSetup(client).recreate(index.index(), index.alias()),
        refused);
  }
}
