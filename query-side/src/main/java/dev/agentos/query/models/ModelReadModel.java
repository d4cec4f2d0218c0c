package dev.agentos.query.models;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.readmodels.models.ModelReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The models read model's reader, on the read models' session: the projections' {@code
 * models-cassandra} creates its tables, which that session waits for ({@code ReadModelsReady}).
 */
@Configuration(proxyBeanMethods = false)
class ModelReadModel {

  @Bean
  ModelReader modelReader(CqlSession cassandraSession) {
    return new ModelReader(cassandraSession);
  }
}
