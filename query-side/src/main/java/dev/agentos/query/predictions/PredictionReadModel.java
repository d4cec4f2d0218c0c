package dev.agentos.query.predictions;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.readmodels.predictions.PredictionReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The predictions read model's reader, on the read models' session: the projections' {@code
 * predictions-cassandra} creates its table, which that session waits for ({@code ReadModelsReady}).
 */
@Configuration(proxyBeanMethods = false)
class PredictionReadModel {

  @Bean
  PredictionReader predictionReader(CqlSession cassandraSession) {
    return new PredictionReader(cassandraSession);
  }
}
