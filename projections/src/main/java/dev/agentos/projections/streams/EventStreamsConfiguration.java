package dev.agentos.projections.streams;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.agentos.readmodels.elasticsearch.ElasticsearchJson;
import dev.agentos.readmodels.streams.EventStreams;
import dev.agentos.readmodels.streams.StreamIndexSetup;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The Kibana stream indices, present exactly when a processor is configured for the {@value
 * EventStreams#PROCESSING_GROUP} group (under {@code agentos.projections.processors}): an
 * application that does not read those topics needs no Elasticsearch for them.
 */
@Configuration
@Conditional(EventStreamsConfiguration.ProcessorConfigured.class)
@EnableConfigurationProperties(EventStreamsProperties.class)
public class EventStreamsConfiguration {

  /** Its own client, not a shared bean: other read models may talk to another cluster. */
  @Bean(destroyMethod = "close")
  RestClientTransport eventStreamsTransport(EventStreamsProperties properties) {
    return new RestClientTransport(
        RestClient.builder(HttpHost.create(properties.elasticsearchUrl())).build(),
        ElasticsearchJson.mapper());
  }

  @Bean
  EventStreamIndexWriter eventStreamIndexWriter(
      RestClientTransport eventStreamsTransport, EventStreamsProperties properties) {
    return new EventStreamIndexWriter(
        new ElasticsearchClient(eventStreamsTransport), new EventStreams(properties.indexPrefix()));
  }

  /**
   * Templates and new fields in place before any processor starts (they start after singletons).
   */
  @Bean
  SmartInitializingSingleton eventStreamIndices(
      RestClientTransport eventStreamsTransport, EventStreamsProperties properties) {
    return () ->
        new StreamIndexSetup(
                new ElasticsearchClient(eventStreamsTransport),
                new EventStreams(properties.indexPrefix()))
            .ensure();
  }

  @Bean
  EventStreamProjection eventStreamProjection(EventStreamIndexWriter eventStreamIndexWriter) {
    return new EventStreamProjection(eventStreamIndexWriter);
  }

  static class ProcessorConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return Binder.get(context.getEnvironment())
          .bind(
              "agentos.projections.processors." + EventStreams.PROCESSING_GROUP,
              Bindable.mapOf(String.class, Object.class))
          .map(Map::isEmpty)
          .map(empty -> !empty)
          .orElse(false);
    }
  }
}
