package dev.agentos.query.health;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.readmodels.health.HealthReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The project health read model's reader, on the read models' session: the projections' {@code
 * project-health-cassandra} creates its table, which that session waits for ({@code
 * ReadModelsReady}).
 */
@Configuration(proxyBeanMethods = false)
class HealthReadModel {

  @Bean
  HealthReader healthReader(CqlSession cassandraSession) {
    return new HealthReader(cassandraSession);
  }
}
