package dev.agentos.projections.wiring;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.projections.executions.ExecutionsProjection;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.readmodels.executions.ExecutionSchema;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group {@value ExecutionsProjection#GROUP} and its Cassandra session, on the read
 * models' keyspace. Its tables (executions and suggestions) are created (IF NOT EXISTS) here, at
 * start, before the session opens on the keyspace: the projections own them, the query side waits
 * for them. It reads the executions and interactions topics, the command side's and the executor's
 * events; like every group here only what was committed ({@code KafkaEventProcessors}).
 */
@Configuration
@EnableConfigurationProperties(ReadModelStores.class)
@ConditionalOnProperty(
    name = "agentos.projections.processors." + ExecutionsProjection.GROUP + ".enabled",
    havingValue = "true",
    matchIfMissing = true)
class ExecutionsReadModel {

  /**
   * The executions' own session, held rather than exposed as a {@link CqlSession} bean, so the
   * memory read models' session stays the only one injected by type.
   */
  record ExecutionsSession(CqlSession session) implements AutoCloseable {
    @Override
    public void close() {
      session.close();
    }
  }

  @Bean(destroyMethod = "close")
  ExecutionsSession executionsSession(ReadModelStores stores) {
    ReadModelStores.Cassandra cassandra = stores.cassandra();
    ExecutionSchema schema = ExecutionSchema.singleNode(cassandra.keyspace());
    try (CqlSession admin = CassandraReadModels.builder(cassandra).build()) {
      schema.apply(admin);
    }
    return new ExecutionsSession(
        CassandraReadModels.builder(cassandra).withKeyspace(schema.keyspace()).build());
  }

  @Bean
  ExecutionsProjection executionsProjection(
      ExecutionsSession executions, ReadModelStores stores, RefusedRecords refused) {
    ExecutionSchema schema = ExecutionSchema.singleNode(stores.cassandra().keyspace());
    return new ExecutionsProjection(
        ExecutionsProjection.writerOn(executions.session()),
        () -> schema.truncate(executions.session()),
        refused);
  }
}
