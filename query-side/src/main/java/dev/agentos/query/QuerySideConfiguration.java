package dev.agentos.query;

import dev.agentos.auth.HttpApiConfiguration;
import dev.agentos.auth.web.RequestBodyLimit;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

/**
 * The small beans every slice shares, and the API-key authentication of every /v1 endpoint: the
 * keys are those the command side writes to PostgreSQL, so a key works on both APIs alike.
 */
@Configuration
@Import(HttpApiConfiguration.class)
public class QuerySideConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Requests here are small (a search names a query and filters): anything larger than {@code
   * agentos.query.max-request-bytes} is refused with 413 before it is read.
   */
  @Bean
  RequestBodyLimit requestBodyLimit(
      @Value("${agentos.query.max-request-bytes:256KB}") DataSize maxRequestBytes) {
    return new RequestBodyLimit(maxRequestBytes.toBytes());
  }
}
