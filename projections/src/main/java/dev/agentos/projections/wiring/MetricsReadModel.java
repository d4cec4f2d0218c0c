package dev.agentos.projections.wiring;

import dev.agentos.projections.metrics.MetricPointWriter;
import dev.agentos.projections.metrics.MetricsInfluxProjection;
import dev.agentos.projections.source.RefusedRecords;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group {@value MetricsInfluxProjection#GROUP}; its database is created at start.
 */
@Configuration
@EnableConfigurationProperties(ReadModelStores.class)
@ConditionalOnProperty(
    name = "agentos.projections.processors." + MetricsInfluxProjection.GROUP + ".enabled",
    havingValue = "true",
    matchIfMissing = true)
class MetricsReadModel {

  @Bean(destroyMethod = "close")
  InfluxDB influxDb(ReadModelStores stores) {
    return InfluxDBFactory.connect(stores.influx().url());
  }

  @Bean
  MetricPointWriter metricPointWriter(InfluxDB influx, ReadModelStores stores) {
    MetricPointWriter writer = new MetricPointWriter(influx, stores.influx().database());
    writer.createDatabase();
    return writer;
  }

  @Bean
  MetricsInfluxProjection metricsInfluxProjection(
      MetricPointWriter writer, RefusedRecords refused) {
    return new MetricsInfluxProjection(writer, refused);
  }
}
