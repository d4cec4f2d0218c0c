package dev.agentos.projections.wiring;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.projections.history.MemoryHistoryProjection;
import dev.agentos.projections.history.MemoryHistoryWriter;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.readmodels.history.HistorySchema;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group {@value MemoryHistoryProjection#GROUP} and its Cassandra session, on the
 * memory read models' keyspace. Its table is created (IF NOT EXISTS) here, at start, before the
 * session opens on the keyspace: the projections own it, the query side only reads it.
 */
@Configuration
@EnableConfigurationProperties(ReadModelStores.class)
@ConditionalOnProperty(
    name = "agentos.projections.processors." + MemoryHistoryProjection.GROUP + ".enabled",
    havingValue = "true",
    matchIfMissing = true)
class HistoryReadModel {

  /**
   * The history's own session, held rather than exposed as a {@link CqlSession} bean, so the other
   * read models' session stays the only one injected by type.
   */
  record HistorySession(CqlSession session) implements AutoCloseable {
    @Override
    public void close() {
      session.close();
    }
  }

  @Bean(destroyMethod = "close")
  HistorySession historySession(ReadModelStores stores) {
    ReadModelStores.Cassandra cassandra = stores.cassandra();
    HistorySchema schema = HistorySchema.singleNode(cassandra.keyspace());
    try (CqlSession admin = CassandraReadModels.builder(cassandra).build()) {
      schema.apply(admin);
    }
    return new HistorySession(
        CassandraReadModels.builder(cassandra).withKeyspace(schema.keyspace()).build());
  }

  @Bean
  MemoryHistoryProjection memoryHistoryProjection(
      HistorySession history, ReadModelStores stores, RefusedRecords refused) {
    HistorySchema schema = HistorySchema.singleNode(stores.cassandra().keyspace());
    return new MemoryHistoryProjection(
        MemoryHistoryWriter.onCassandra(history.session()),
        () -> schema.truncate(history.session()),
        refused);
  }
}
