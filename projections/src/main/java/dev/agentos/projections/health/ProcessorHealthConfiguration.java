package dev.agentos.projections.health;

import dev.agentos.projections.replay.TopicEnds;
import dev.agentos.projections.source.KafkaSourceProperties;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code processors} health component: down while a processor segment has not moved past the
 * same record for {@code agentos.projections.health.stalled-after} (default one minute) although
 * records wait behind it.
 */
@Configuration
class ProcessorHealthConfiguration {

  @Bean
  ProcessorProgressHealthIndicator processorsHealthIndicator(
      EventProcessingConfiguration processing,
      KafkaSourceProperties properties,
      TopicEnds ends,
      Clock clock,
      @Value("${agentos.projections.health.stalled-after:PT1M}") Duration stalledAfter) {
    return new ProcessorProgressHealthIndicator(
        processing, properties, ends, new StalledSegments(stalledAfter, clock));
  }
}
