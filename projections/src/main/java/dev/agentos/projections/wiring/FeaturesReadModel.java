package dev.agentos.projections.wiring;

import dev.agentos.projections.features.FeaturePointWriter;
import dev.agentos.projections.features.FeaturesInfluxProjection;
import dev.agentos.projections.source.RefusedRecords;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group {@value FeaturesInfluxProjection#GROUP} and its InfluxDB database, created
 * at start: the projections create it, the query side waits for it.
 *
 * <p>Its topic is written by Flink in Kafka transactions; like every group here it reads only what
 * was committed ({@code isolation.level=read_committed}, set for all of them in {@code
 * KafkaEventProcessors}), so a vector of an aborted attempt is never projected.
 */
@Configuration
@EnableConfigurationProperties(ReadModelStores.class)
@ConditionalOnProperty(
    name = "agentos.projections.processors." + FeaturesInfluxProjection.GROUP + ".enabled",
    havingValue = "true",
    matchIfMissing = true)
class FeaturesReadModel {

  /**
   * The features' own client, held rather than exposed as an {@link InfluxDB} bean, so the metrics'
   * client stays the only one injected by type.
   */
  record FeaturesInflux(InfluxDB client) implements AutoCloseable {
    @Override
    public void close() {
      client.close();
    }
  }

  @Bean(destroyMethod = "close")
  FeaturesInflux featuresInflux(ReadModelStores stores) {
    return new FeaturesInflux(InfluxDBFactory.connect(stores.influx().url()));
  }

  @Bean
  FeaturesInfluxProjection featuresInfluxProjection(
      FeaturesInflux influx, ReadModelStores stores, RefusedRecords refused) {
    FeaturePointWriter writer =
        new FeaturePointWriter(influx.client(), stores.influx().featuresDatabase());
    writer.createDatabase();
    return new FeaturesInfluxProjection(writer, refused);
  }
}
