package dev.agentos.query;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the query side finds its read models ({@code agentos.query.*}); {@code ./agentos up} passes
 * the stack's endpoints.
 *
 * @param cassandra the Cassandra cluster and keyspace of the memory read models
 * @param elasticsearch the Elasticsearch node and the memory index alias search reads
 */
@Validated
@ConfigurationProperties("agentos.query")
public record QuerySideProperties(Cassandra cassandra, Elasticsearch elasticsearch) {

  /**
   * @param url {@code http://host:port} of one Elasticsearch node
   * @param memoryIndex the alias the memory projection writes ({@code agentos-memories}); its index
   *     is created ({@code <alias>-v1}) if missing, as the projection would
   */
  public record Elasticsearch(@NotBlank String url, @NotBlank String memoryIndex) {}

  /**
   * @param contactPoint {@code host:port} of one Cassandra node
   * @param datacenter the local datacenter's name
   * @param keyspace the keyspace the memory projections write (created if missing)
   */
  public record Cassandra(
      @NotBlank String contactPoint, @NotBlank String datacenter, @NotBlank String keyspace) {}
}
