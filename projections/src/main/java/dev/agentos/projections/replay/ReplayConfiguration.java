package dev.agentos.projections.replay;

import dev.agentos.auth.ApiKeyDirectory;
import dev.agentos.projections.source.KafkaSourceProperties;
import java.time.Clock;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The replay endpoints' beans. */
@Configuration
class ReplayConfiguration {

  @Bean(destroyMethod = "close")
  TopicEnds topicEnds(KafkaSourceProperties properties) {
    return new TopicEnds(properties.kafkaBootstrapServers());
  }

  @Bean
  Replays replays(
      EventProcessingConfiguration processing,
      KafkaSourceProperties properties,
      TopicEnds ends,
      Clock clock) {
    return new Replays(processing, properties, ends, clock);
  }

  /**
   * @param operatorTenant the tenant whose admin keys may replay; empty: any tenant's admin key
   */
  @Bean
  AdminKeys adminKeys(
      JdbcTemplate jdbc,
      Clock clock,
      @Value("${agentos.projections.admin.operator-tenant:}") String operatorTenant) {
    return new AdminKeys(new ApiKeyDirectory(jdbc), clock, operatorTenant);
  }
}
