package dev.agentos.projections.replay;

import dev.agentos.auth.ApiKeyAuthConfiguration;
import dev.agentos.projections.source.KafkaSourceProperties;
import java.time.Clock;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The replay endpoints' beans; their API keys are checked by api-auth, as on the HTTP APIs. */
@Configuration
@Import(ApiKeyAuthConfiguration.class)
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

  @Bean(destroyMethod = "close")
  ReplayFinisher replayFinisher(Replays replays, ObjectProvider<AfterReplay> steps) {
    return new ReplayFinisher(replays, steps.orderedStream().toList());
  }
}
