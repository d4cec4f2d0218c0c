package dev.agentos.projections.wiring;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.projections.projecthealth.HealthReportWriter;
import dev.agentos.projections.projecthealth.ProjectHealthProjection;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.readmodels.health.HealthSchema;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group {@value ProjectHealthProjection#GROUP} and its Cassandra session, on the
 * read models' keyspace. Its table is created (IF NOT EXISTS) here, at start, before the session
 * opens on the keyspace: the projections own it, the query side waits for it.
 *
 * <p>Its topic is written by Flink in Kafka transactions; like every group here it reads only what
 * was committed ({@code isolation.level=read_committed}, set for all of them in {@code
 * KafkaEventProcessors}), so a report of an aborted attempt is never projected.
 */
@Configuration
@EnableConfigurationProperties(ReadModelStores.class)
@ConditionalOnProperty(
    name = "agentos.projections.processors." + ProjectHealthProjection.GROUP + ".enabled",
    havingValue = "true",
    matchIfMissing = true)
class ProjectHealthReadModel {

  /**
   * The health reports' own session, held rather than exposed as a {@link CqlSession} bean, so the
   * memory read models' session stays the only one injected by type.
   */
  record ProjectHealthSession(CqlSession session) implements AutoCloseable {
    @Override
    public void close() {
      session.close();
    }
  }

  @Bean(destroyMethod = "close")
  ProjectHealthSession projectHealthSession(ReadModelStores stores) {
    ReadModelStores.Cassandra cassandra = stores.cassandra();
    HealthSchema schema = HealthSchema.singleNode(cassandra.keyspace());
    try (CqlSession admin = CassandraReadModels.builder(cassandra).build()) {
      schema.apply(admin);
    }
    return new ProjectHealthSession(
        CassandraReadModels.builder(cassandra).withKeyspace(schema.keyspace()).build());
  }

  @Bean
  ProjectHealthProjection projectHealthProjection(
      ProjectHealthSession health, ReadModelStores stores, RefusedRecords refused) {
    HealthSchema schema = HealthSchema.singleNode(stores.cassandra().keyspace());
    return new ProjectHealthProjection(
        HealthReportWriter.onCassandra(health.session()),
        () -> schema.truncate(health.session()),
        refused);
  }
}
