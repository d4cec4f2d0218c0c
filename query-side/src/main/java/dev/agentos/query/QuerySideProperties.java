package dev.agentos.query;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the query side finds its read models ({@code agentos.query.*}); {@code ./agentos up} passes
 * the stack's endpoints.
 *
 * @param cassandra the Cassandra cluster and keyspace of the memory read models
 * @param elasticsearch the Elasticsearch node and the memory index alias search reads
 * @param influx the InfluxDB node and the databases of the metrics and feature vectors
 * @param readModelsWait how long a start waits for the projections to create the read models it
 *     reads (they are their one creator) before it gives up naming what is missing
 */
@Validated
@ConfigurationProperties("agentos.query")
public record QuerySideProperties(
    Cassandra cassandra,
    Elasticsearch elasticsearch,
    Influx influx,
    @DefaultValue("5m") Duration readModelsWait) {

  /**
   * @param url {@code http://host:port} of one Elasticsearch node
   * @param memoryIndex the alias the memory projection writes ({@code agentos-memories})
   */
  public record Elasticsearch(@NotBlank String url, @NotBlank String memoryIndex) {}

  /**
   * @param url {@code http://host:port} of one InfluxDB 1.x node
   * @param metricsDatabase the database the {@code metrics-influx} projection writes
   * @param featuresDatabase the database the {@code features-influx} projection writes
   */
  public record Influx(
      @NotBlank String url, @NotBlank String metricsDatabase, @NotBlank String featuresDatabase) {}

  /**
   * @param contactPoint {@code host:port} of one Cassandra node
   * @param datacenter the local datacenter's name
   * @param keyspace the keyspace the memory projections write
   */
  public record Cassandra(
      @NotBlank String contactPoint, @NotBlank String datacenter, @NotBlank String keyspace) {}
}
