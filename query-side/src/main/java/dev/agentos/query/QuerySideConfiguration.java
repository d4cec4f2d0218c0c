package dev.agentos.query;

import dev.agentos.auth.ApiKeyAuthConfiguration;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The small beans every slice shares, and the API-key authentication of every /v1 endpoint: the
 * keys are those the command side writes to PostgreSQL, so a key works on both APIs alike.
 */
@Configuration
@Import(ApiKeyAuthConfiguration.class)
public class QuerySideConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
