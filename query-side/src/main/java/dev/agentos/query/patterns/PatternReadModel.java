package dev.agentos.query.patterns;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.readmodels.patterns.PatternReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The patterns read model's reader, on the read models' session: the projections' {@code
 * patterns-cassandra} creates its table, which that session waits for ({@code ReadModelsReady}).
 */
@Configuration(proxyBeanMethods = false)
class PatternReadModel {

  @Bean
  PatternReader patternReader(CqlSession cassandraSession) {
    return new PatternReader(cassandraSession);
  }
}
