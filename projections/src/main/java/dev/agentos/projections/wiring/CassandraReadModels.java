package dev.agentos.projections.wiring;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.agentos.projections.memory.cassandra.MemoryCassandraProjection;
import dev.agentos.projections.memory.cassandra.MemoryCassandraWriter;
import dev.agentos.projections.memory.cassandra.MemorySchema;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group {@value MemoryCassandraProjection#GROUP} and its Cassandra session. The
 * keyspace and tables are created (IF NOT EXISTS) before the session that the writers use opens on
 * the keyspace, so a first start on an empty Cassandra works.
 */
@Configuration
@EnableConfigurationProperties(ReadModelStores.class)
@ConditionalOnProperty(
    name = "agentos.projections.processors." + MemoryCassandraProjection.GROUP + ".enabled",
    havingValue = "true",
    matchIfMissing = true)
class CassandraReadModels {

  @Bean(destroyMethod = "close")
  CqlSession memoryReadModelSession(ReadModelStores stores) {
    ReadModelStores.Cassandra cassandra = stores.cassandra();
    MemorySchema schema = MemorySchema.singleNode(cassandra.keyspace());
    try (CqlSession admin = builder(cassandra).build()) {
      schema.apply(admin);
    }
    return builder(cassandra).withKeyspace(schema.keyspace()).build();
  }

  @Bean
  MemoryCassandraProjection memoryCassandraProjection(
      CqlSession session, Clock clock, ReadModelStores stores) {
    MemorySchema schema = MemorySchema.singleNode(stores.cassandra().keyspace());
    return new MemoryCassandraProjection(
        new MemoryCassandraWriter(session, clock), () -> schema.truncate(session));
  }

  private static CqlSessionBuilder builder(ReadModelStores.Cassandra cassandra) {
    int colon = cassandra.contactPoint().lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "agentos.projections.stores.cassandra.contact-point is not host:port: "
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
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, cassandra.requestTimeout())
                .build());
  }
}
