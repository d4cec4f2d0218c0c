package dev.agentos.projections.wiring;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.agentos.projections.memory.MemoryCassandraProjection;
import dev.agentos.projections.memory.MemoryCassandraWriter;
import dev.agentos.projections.memory.ReadModelLayout;
import dev.agentos.projections.replay.AfterReplay;
import dev.agentos.projections.replay.Replays;
import dev.agentos.projections.source.RefusedRecords;
import dev.agentos.readmodels.memory.ListIndexes;
import dev.agentos.readmodels.memory.MemorySchema;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group {@value MemoryCassandraProjection#GROUP} and its Cassandra session. The
 * keyspace and tables are created (IF NOT EXISTS) before the session that the writers use opens on
 * the keyspace, so a first start on an empty Cassandra works. A rebuild drops the list indexes and
 * builds them again once caught up (ADR 0007); as the start applies the schema, a stop in between
 * leaves none missing after the next start.
 */
@Configuration
@EnableConfigurationProperties(ReadModelStores.class)
@ConditionalOnProperty(
    name = "agentos.projections.processors." + MemoryCassandraProjection.GROUP + ".enabled",
    havingValue = "true",
    matchIfMissing = true)
class CassandraReadModels {

  private static final Logger LOG = LoggerFactory.getLogger(CassandraReadModels.class);

  @Bean(destroyMethod = "close")
  CqlSession memoryReadModelSession(ReadModelStores stores) {
    ReadModelStores.Cassandra cassandra = stores.cassandra();
    MemorySchema schema = MemorySchema.singleNode(cassandra.keyspace());
    try (CqlSession admin = builder(cassandra).build()) {
      schema.apply(admin);
    }
    return builder(cassandra).withKeyspace(schema.keyspace()).build();
  }

  /** Inspected while the context starts, before any processor writes to the keyspace. */
  @Bean
  ReadModelLayout memoryReadModelLayout(CqlSession session, ReadModelStores stores) {
    return ReadModelLayout.inspect(stores.cassandra().keyspace(), session);
  }

  /**
   * A keyspace an older layout of tables built is rebuilt from the first offset once the processors
   * run, as {@code ./agentos replay memory-cassandra} would, instead of serving lists that miss
   * every memory stored before the upgrade (see {@link ReadModelLayout}).
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> rebuildMemoryReadModelOfAnOlderLayout(
      ReadModelLayout layout, CqlSession session, Replays replays, ReadModelStores stores) {
    return ready -> {
      if (layout.rebuildNeeded()) {
        LOG.warn(
            "keyspace {} was built by an older layout than {}: rebuilding {} from the first offset",
            stores.cassandra().keyspace(),
            ReadModelLayout.CURRENT,
            MemoryCassandraProjection.GROUP);
        replays.replay(MemoryCassandraProjection.GROUP);
        // After the reset: a crash before this line rebuilds again, which is harmless.
        layout.markBuilt(session);
      }
    };
  }

  @Bean
  MemoryCassandraProjection memoryCassandraProjection(
      CqlSession session, Clock clock, ReadModelStores stores, RefusedRecords refused) {
    MemorySchema schema = MemorySchema.singleNode(stores.cassandra().keyspace());
    ListIndexes indexes = new ListIndexes(schema);
    return new MemoryCassandraProjection(
        new MemoryCassandraWriter(session, clock),
        () -> {
          // Dropped first, so the truncate does not empty them and the rebuild writes none.
          indexes.drop(session);
          schema.truncate(session);
        },
        refused);
  }

  /**
   * A rebuilt keyspace answers lists by type and tag again once their indexes are built: created
   * when the replay has caught up, and waited for by the finisher's checks, not by blocking them.
   */
  @Bean
  AfterReplay memoryListIndexesBuilt(CqlSession session, ReadModelStores stores) {
    ListIndexes indexes = new ListIndexes(MemorySchema.singleNode(stores.cassandra().keyspace()));
    return new AfterReplay() {
      private long waitingSince;

      @Override
      public String readModel() {
        return MemoryCassandraProjection.GROUP;
      }

      @Override
      public boolean caughtUp() {
        if (waitingSince == 0) {
          waitingSince = System.nanoTime();
        }
        boolean queryable = indexes.ensureQueryable(session);
        if (queryable) {
          LOG.info(
              "list indexes {} of keyspace {} are queryable, {} ms after the replay caught up",
              indexes.names(),
              stores.cassandra().keyspace(),
              (System.nanoTime() - waitingSince) / 1_000_000);
          waitingSince = 0;
        }
        return queryable;
      }
    };
  }

  static CqlSessionBuilder builder(ReadModelStores.Cassandra cassandra) {
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
