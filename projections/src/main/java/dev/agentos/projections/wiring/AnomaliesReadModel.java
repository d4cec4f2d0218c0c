package dev.agentos.projections.wiring;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.projections.anomalies.AnomaliesProjection;
import dev.agentos.projections.anomalies.AnomalyWriter;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.readmodels.anomalies.AnomalySchema;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group {@value AnomaliesProjection#GROUP} and its Cassandra session, on the read
 * models' keyspace. Its tables and list indexes are created (IF NOT EXISTS) here, at start, before
 * the session opens on the keyspace: the projections own them, the query side waits for them.
 *
 * <p>Its topic is written by Flink in Kafka transactions; like every group here it reads only what
 * was committed ({@code isolation.level=read_committed}, set for all of them in {@code
 * KafkaEventProcessors}), so an anomaly of an aborted attempt is never projected.
 */
@Configuration
@EnableConfigurationProperties(ReadModelStores.class)
@ConditionalOnProperty(
    name = "agentos.projections.processors." + AnomaliesProjection.GROUP + ".enabled",
    havingValue = "true",
    matchIfMissing = true)
class AnomaliesReadModel {

  /**
   * The anomalies' own session, held rather than exposed as a {@link CqlSession} bean, so the
   * memory read models' session stays the only one injected by type.
   */
  record AnomaliesSession(CqlSession session) implements AutoCloseable {
    @Override
    public void close() {
      session.close();
    }
  }

  @Bean(destroyMethod = "close")
  AnomaliesSession anomaliesSession(ReadModelStores stores) {
    ReadModelStores.Cassandra cassandra = stores.cassandra();
    AnomalySchema schema = AnomalySchema.singleNode(cassandra.keyspace());
    try (CqlSession admin = CassandraReadModels.builder(cassandra).build()) {
      schema.apply(admin);
    }
    return new AnomaliesSession(
        CassandraReadModels.builder(cassandra).withKeyspace(schema.keyspace()).build());
  }

  @Bean
  AnomaliesProjection anomaliesProjection(
      AnomaliesSession anomalies, ReadModelStores stores, RefusedRecords refused) {
    AnomalySchema schema = AnomalySchema.singleNode(stores.cassandra().keyspace());
    return new AnomaliesProjection(
        AnomalyWriter.onCassandra(anomalies.session()),
        () -> schema.truncate(anomalies.session()),
        refused);
  }
}
