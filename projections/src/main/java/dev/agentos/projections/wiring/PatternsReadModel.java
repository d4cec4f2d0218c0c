package dev.agentos.projections.wiring;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.projections.patterns.PatternWriter;
import dev.agentos.projections.patterns.PatternsProjection;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.readmodels.patterns.PatternSchema;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group {@value PatternsProjection#GROUP} and its Cassandra session, on the read
 * models' keyspace. Its table and list indexes are created (IF NOT EXISTS) here, at start, before
 * the session opens on the keyspace: the projections own them, the query side waits for them.
 *
 * <p>Its topic is written by Flink in Kafka transactions; like every group here it reads only what
 * was committed ({@code isolation.level=read_committed}, set for all of them in {@code
 * KafkaEventProcessors}), so a snapshot of an aborted attempt is never projected.
 */
@Configuration
@EnableConfigurationProperties(ReadModelStores.class)
@ConditionalOnProperty(
    name = "agentos.projections.processors." + PatternsProjection.GROUP + ".enabled",
    havingValue = "true",
    matchIfMissing = true)
class PatternsReadModel {

  /**
   * The patterns' own session, held rather than exposed as a {@link CqlSession} bean, so the memory
   * read models' session stays the only one injected by type.
   */
  record PatternsSession(CqlSession session) implements AutoCloseable {
    @Override
    public void close() {
      session.close();
    }
  }

  @Bean(destroyMethod = "close")
  PatternsSession patternsSession(ReadModelStores stores) {
    ReadModelStores.Cassandra cassandra = stores.cassandra();
    PatternSchema schema = PatternSchema.singleNode(cassandra.keyspace());
    try (CqlSession admin = CassandraReadModels.builder(cassandra).build()) {
      schema.apply(admin);
    }
    return new PatternsSession(
        CassandraReadModels.builder(cassandra).withKeyspace(schema.keyspace()).build());
  }

  @Bean
  PatternsProjection patternsProjection(
      PatternsSession patterns, ReadModelStores stores, RefusedRecords refused) {
    PatternSchema schema = PatternSchema.singleNode(stores.cassandra().keyspace());
    return new PatternsProjection(
        PatternWriter.onCassandra(patterns.session()),
        () -> schema.truncate(patterns.session()),
        refused);
  }
}
