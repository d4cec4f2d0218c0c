package dev.agentos.query.readmodel;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.agentos.projections.history.MemoryHistoryReader;
import dev.agentos.projections.memory.cassandra.MemoryReadModelQueries;
import dev.agentos.projections.memory.cassandra.MemorySchema;
import dev.agentos.query.QuerySideProperties;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Cassandra session and the memory read-model queries over it. The schema is applied at start
 * ({@code IF NOT EXISTS}, as the projections do), so the query side can start before the
 * projections have written anything and answer "not found" rather than fail.
 */
@Configuration(proxyBeanMethods = false)
public class CassandraReadModels {

  // Reads are single-partition and fast; DDL at start waits for schema agreement, hence the margin.
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  @Bean(destroyMethod = "close")
  CqlSession cassandraSession(QuerySideProperties properties) {
    QuerySideProperties.Cassandra cassandra = properties.cassandra();
    MemorySchema schema = MemorySchema.singleNode(cassandra.keyspace());
    try (CqlSession admin = builder(cassandra).build()) {
      schema.apply(admin);
    }
    return builder(cassandra).withKeyspace(schema.keyspace()).build();
  }

  @Bean
  MemoryReadModelQueries memoryReadModelQueries(CqlSession cassandraSession) {
    return new MemoryReadModelQueries(cassandraSession);
  }

  /**
   * Every version of a memory, from the table the projections' {@code memory-history} writes (and
   * creates: until it exists, every memory's history is unknown, answered 404).
   */
  @Bean
  MemoryHistoryReader memoryHistoryReader(CqlSession cassandraSession) {
    return new MemoryHistoryReader(cassandraSession);
  }

  private static com.datastax.oss.driver.api.core.CqlSessionBuilder builder(
      QuerySideProperties.Cassandra cassandra) {
    int colon = cassandra.contactPoint().lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "agentos.query.cassandra.contact-point must be host:port, was "
              + cassandra.contactPoint());
    }
    return CqlSession.builder()
        .addContactPoint(
            new InetSocketAddress(
                cassandra.contactPoint().substring(0, colon),
                Integer.parseInt(cassandra.contactPoint().substring(colon + 1))))
        .withLocalDatacenter(cassandra.datacenter())
        .withConfigLoader(
            DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, REQUEST_TIMEOUT)
                .build());
  }
}
