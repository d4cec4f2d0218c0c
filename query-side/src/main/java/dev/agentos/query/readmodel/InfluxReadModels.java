package dev.agentos.query.readmodel;

import dev.agentos.query.QuerySideProperties;
import dev.agentos.readmodels.features.FeatureReader;
import dev.agentos.readmodels.metrics.InfluxRows;
import dev.agentos.readmodels.metrics.MetricReader;
import java.util.List;
import java.util.stream.Stream;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The InfluxDB client and the readers of the metrics and feature vectors over it. The projections
 * create both databases ({@code metrics-influx}, {@code features-influx}); a query side started
 * first waits for them ({@link ReadModelsReady}).
 */
@Configuration(proxyBeanMethods = false)
public class InfluxReadModels {

  @Bean(destroyMethod = "close")
  InfluxDB influxDb(QuerySideProperties properties) {
    QuerySideProperties.Influx influx = properties.influx();
    InfluxDB client = InfluxDBFactory.connect(influx.url());
    List<InfluxRows> databases =
        Stream.of(influx.metricsDatabase(), influx.featuresDatabase())
            .map(database -> new InfluxRows(client, database))
            .toList();
    ReadModelsReady.await(
        "InfluxDB " + influx.url(),
        () ->
            databases.stream()
                .filter(database -> !database.databaseExists())
                .map(database -> "database " + database.database())
                .toList(),
        properties.readModelsWait());
    return client;
  }

  @Bean
  MetricReader metricReader(InfluxDB influxDb, QuerySideProperties properties) {
    return new MetricReader(influxDb, properties.influx().metricsDatabase());
  }

  @Bean
  FeatureReader featureReader(InfluxDB influxDb, QuerySideProperties properties) {
    return new FeatureReader(influxDb, properties.influx().featuresDatabase());
  }
}
