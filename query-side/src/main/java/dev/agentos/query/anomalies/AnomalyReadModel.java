package dev.agentos.query.anomalies;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.readmodels.anomalies.AnomalyReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The anomalies read model's reader, on the read models' session: the projections' {@code
 * anomalies-cassandra} creates its tables, which that session waits for ({@code ReadModelsReady}).
 */
@Configuration(proxyBeanMethods = false)
class AnomalyReadModel {

  @Bean
  AnomalyReader anomalyReader(CqlSession cassandraSession) {
    return new AnomalyReader(cassandraSession);
  }
}
