package dev.agentos.projections.wiring;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.projections.predictions.PredictionsProjection;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.readmodels.predictions.PredictionSchema;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group {@value PredictionsProjection#GROUP} and its Cassandra session, on the read
 * models' keyspace. Its table is created (IF NOT EXISTS) here, at start, before the session opens
 * on the keyspace: the projections own it, the query side waits for it.
 *
 * <p>Its predictions topic is written by Flink in Kafka transactions; like every group here it
 * reads only what was committed ({@code isolation.level=read_committed}, set for all of them in
 * {@code KafkaEventProcessors}), so a prediction of an aborted attempt is never projected; the
 * executions topic is the command side's.
 */
@Configuration
@EnableConfigurationProperties(ReadModelStores.class)
@ConditionalOnProperty(
    name = "agentos.projections.processors." + PredictionsProjection.GROUP + ".enabled",
    havingValue = "true",
    matchIfMissing = true)
class PredictionsReadModel {

  /**
   * The predictions' own session, held rather than exposed as a {@link CqlSession} bean, so the
   * memory read models' session stays the only one injected by type.
   */
  record PredictionsSession(CqlSession session) implements AutoCloseable {
    @Override
    public void close() {
      session.close();
    }
  }

  @Bean(destroyMethod = "close")
  PredictionsSession predictionsSession(ReadModelStores stores) {
    ReadModelStores.Cassandra cassandra = stores.cassandra();
    PredictionSchema schema = PredictionSchema.singleNode(cassandra.keyspace());
    try (CqlSession admin = CassandraReadModels.builder(cassandra).build()) {
      schema.apply(admin);
    }
    return new PredictionsSession(
        CassandraReadModels.builder(cassandra).withKeyspace(schema.keyspace()).build());
  }

  @Bean
  PredictionsProjection predictionsProjection(
      PredictionsSession predictions, ReadModelStores stores, RefusedRecords refused) {
    PredictionSchema schema = PredictionSchema.singleNode(stores.cassandra().keyspace());
    return new PredictionsProjection(
        PredictionsProjection.writerOn(predictions.session()),
        () -> schema.truncate(predictions.session()),
        refused);
  }
}
