package dev.agentos.projections.wiring;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.projections.models.ModelsProjection;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.readmodels.models.ModelSchema;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group {@value ModelsProjection#GROUP} and its Cassandra session, on the read
 * models' keyspace. Its tables are created (IF NOT EXISTS) here, at start, before the session opens
 * on the keyspace: the projections own them, the query side waits for them.
 *
 * <p>Its topic is written by Flink in Kafka transactions; like every group here it reads only what
 * was committed ({@code isolation.level=read_committed}, set for all of them in {@code
 * KafkaEventProcessors}), so a training, promotion or report of an aborted attempt is never
 * projected.
 */
@Configuration
@EnableConfigurationProperties(ReadModelStores.class)
@ConditionalOnProperty(
    name = "agentos.projections.processors." + ModelsProjection.GROUP + ".enabled",
    havingValue = "true",
    matchIfMissing = true)
class ModelsReadModel {

  /**
   * The models' own session, held rather than exposed as a {@link CqlSession} bean, so the memory
   * read models' session stays the only one injected by type.
   */
  record ModelsSession(CqlSession session) implements AutoCloseable {
    @Override
    public void close() {
      session.close();
    }
  }

  @Bean(destroyMethod = "close")
  ModelsSession modelsSession(ReadModelStores stores) {
    ReadModelStores.Cassandra cassandra = stores.cassandra();
    ModelSchema schema = ModelSchema.singleNode(cassandra.keyspace());
    try (CqlSession admin = CassandraReadModels.builder(cassandra).build()) {
      schema.apply(admin);
    }
    return new ModelsSession(
        CassandraReadModels.builder(cassandra).withKeyspace(schema.keyspace()).build());
  }

  @Bean
  ModelsProjection modelsProjection(
      ModelsSession models, ReadModelStores stores, RefusedRecords refused) {
    ModelSchema schema = ModelSchema.singleNode(stores.cassandra().keyspace());
    return new ModelsProjection(
        ModelsProjection.writerOn(models.session()),
        () -> schema.truncate(models.session()),
        refused);
  }
}
