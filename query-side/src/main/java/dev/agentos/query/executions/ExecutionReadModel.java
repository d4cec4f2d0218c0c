package dev.agentos.query.executions;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.readmodels.executions.ExecutionReader;
import dev.agentos.readmodels.suggestions.SuggestionReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The executions and suggestions read models' readers, on the read models' session: the
 * projections' {@code executions-cassandra} creates their tables, which that session waits for
 * ({@code ReadModelsReady}).
 */
@Configuration(proxyBeanMethods = false)
class ExecutionReadModel {

  @Bean
  ExecutionReader executionReader(CqlSession cassandraSession) {
    return new ExecutionReader(cassandraSession);
  }

  @Bean
  SuggestionReader suggestionReader(CqlSession cassandraSession) {
    return new SuggestionReader(cassandraSession);
  }
}
