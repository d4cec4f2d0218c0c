package dev.agentos.projections.wiring;

import dev.agentos.projections.search.EmbeddingCacheIndex;
import dev.agentos.readmodels.features.FeatureSeriesNames;
import dev.agentos.readmodels.metrics.MetricSeriesNames;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the read models live: the defaults are the local stack's (./agentos up passes the real
 * endpoints as arguments).
 */
@ConfigurationProperties("agentos.projections.stores")
public record ReadModelStores(
    @DefaultValue Cassandra cassandra,
    @DefaultValue Elasticsearch elasticsearch,
    @DefaultValue Influx influx) {

  /**
   * @param contactPoint host:port of one node
   * @param keyspace the memory read models' keyspace, created at start-up
   * @param requestTimeout single-node Cassandra on a busy machine is slow: a replay's unlogged
   *     batches and schema changes need time
   */
  public record Cassandra(
      @DefaultValue("127.0.0.1:9042") String contactPoint,
      @DefaultValue("datacenter1") String datacenter,
      @DefaultValue("agentos_memory") String keyspace,
      @DefaultValue("30s") Duration requestTimeout) {}

  /**
   * @param alias what readers and writers use
   * @param index the concrete index created behind the alias when the alias is missing
   * @param embeddingCache the index of vectors already embedded, which a replay keeps (see
   *     EmbeddingCache)
   */
  public record Elasticsearch(
      @DefaultValue("http://127.0.0.1:9200") String url,
      @DefaultValue("agentos-memories") String alias,
      @DefaultValue("agentos-memories-v1") String index,
      @DefaultValue(EmbeddingCacheIndex.DEFAULT_INDEX) String embeddingCache) {}

  /**
   * @param database the metrics' database, created at start-up when missing
   * @param featuresDatabase the feature vectors' database, created at start-up when missing
   */
  public record Influx(
      @DefaultValue("http://127.0.0.1:8086") String url,
      @DefaultValue(MetricSeriesNames.DEFAULT_DATABASE) String database,
      @DefaultValue(FeatureSeriesNames.DEFAULT_DATABASE) String featuresDatabase) {}
}
