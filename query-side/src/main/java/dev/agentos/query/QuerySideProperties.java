package dev.agentos.query;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the query side finds its read models ({@code agentos.query.*}); {@code ./agentos up} passes
 * the stack's endpoints.
 *
 * @param cassandra the Cassandra cluster and keyspace of the memory read models
 */
@Validated
@ConfigurationProperties("agentos.query")
public record QuerySideProperties(Cassandra cassandra) {

  /**
   * @param contactPoint {@code host:port} of one Cassandra node
   * @param datacenter the local datacenter's name
   * @param keyspace the keyspace the memory projections write (created if missing)
   */
  public record Cassandra(
      @NotBlank String contactPoint, @NotBlank String datacenter, @NotBlank String keyspace) {}
}
