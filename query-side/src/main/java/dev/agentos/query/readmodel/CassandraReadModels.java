package dev.agentos.query.readmodel;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.agentos.query.QuerySideProperties;
import dev.agentos.readmodels.anomalies.AnomalySchema;
import dev.agentos.readmodels.executions.ExecutionSchema;
import dev.agentos.readmodels.health.HealthSchema;
import dev.agentos.readmodels.history.MemoryHistoryReader;
import dev.agentos.readmodels.memory.MemoryReadModelQueries;
import dev.agentos.readmodels.memory.MemorySchema;
import dev.agentos.readmodels.models.ModelSchema;
import dev.agentos.readmodels.patterns.PatternSchema;
import dev.agentos.readmodels.predictions.PredictionSchema;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Cassandra session and the memory read-model queries over it. The projections create the
 * keyspace and its tables (the memory tables, and the patterns, anomalies, project health,
 * predictions, models, executions and suggestions tables with their indexes); a query side started
 * first waits for them ({@link ReadModelsReady}).
 */
@Configuration(proxyBeanMethods = false)
public class CassandraReadModels {

  // Reads are single-partition and fast; the margin is for a node still warming up.
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  @Bean(destroyMethod = "close")
  CqlSession cassandraSession(QuerySideProperties properties) {
    QuerySideProperties.Cassandra cassandra = properties.cassandra();
    MemorySchema schema = MemorySchema.singleNode(cassandra.keyspace());
    try (CqlSession admin = builder(cassandra).build()) {
      ReadModelsReady.await(
          "keyspace " + schema.keyspace(),
          () ->
              Stream.of(
                      schema.missingTables(admin),
                      PatternSchema.singleNode(schema.keyspace()).missing(admin),
                      AnomalySchema.singleNode(schema.keyspace()).missing(admin),
                      HealthSchema.singleNode(schema.keyspace()).missing(admin),
                      PredictionSchema.singleNode(schema.keyspace()).missing(admin),
                      ModelSchema.singleNode(schema.keyspace()).missing(admin),
                      ExecutionSchema.singleNode(schema.keyspace()).missing(admin))
                  .flatMap(List::stream)
                  .toList(),
          properties.readModelsWait());
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
