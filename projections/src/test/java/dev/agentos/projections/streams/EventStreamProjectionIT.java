package dev.agentos.projections.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionStarted;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.projections.ProjectionsApplication;
import dev.agentos.projections.TokenRows;
import dev.agentos.readmodels.elasticsearch.ElasticsearchJson;
import dev.agentos.readmodels.streams.EventStreams;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.EventKeys;
import dev.agentos.schemas.topics.Topic;
import dev.agentos.schemas.topics.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The projections application with the event-streams processor on the real stack: events published
 * to the executions topic (one of them twice, as a redelivery would) end as one document each in
 * the stream's index, through Axon's Kafka source and the projection's handler.
 */
@ExtendWith(LocalStackExtension.class)
class EventStreamProjectionIT {

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String prefix = "it-" + run + "-";
  private final String processor = "it-event-streams-" + run;

  @Test
  void publishedEventsBecomeOneDocumentEachEvenWhenDeliveredTwice(StackEndpoints stack)
      throws Exception {
    List<SpecificRecord> events =
        List.of(
            sane(RandomEvents.of(ExecutionStarted.class, 1)),
            sane(RandomEvents.of(ExecutionCompleted.class, 2)),
            sane(RandomEvents.of(VerificationCompleted.class, 3)));
    RestClientTransport transport =
        new RestClientTransport(
            RestClient.builder(HttpHost.create(stack.elasticsearchUrl())).build(),
            ElasticsearchJson.mapper());
    ElasticsearchClient client = new ElasticsearchClient(transport);
    EventStreams names = new EventStreams(prefix);
    try (ConfigurableApplicationContext app = start(stack);
        KafkaProducer<String, byte[]> producer = producer(stack)) {
      // The shared topic holds other runs' records: the processor starts at the end
      // (start-at=latest), so publish only once its first token is stored.
      TokenStore tokens = app.getBean(TokenStore.class);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> tokens.fetchSegments(processor).length > 0);
      for (SpecificRecord event : events) {
        publish(producer, stack, event);
      }
      publish(producer, stack, events.get(1)); // the same event id again

      String alias = names.alias("executions");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> exists(client, alias) && ours(client, alias, events) >= 3);
      Thread.sleep(1000); // a second document for the repeated event, if any, would come now
      assertThat(ours(client, alias, events)).isEqualTo(3);
      assertThat(client.count(c -> c.index(alias)).count()).isEqualTo(3);
      // The application put the templates in place, so the index has the generated mapping.
      assertThat(
              client
                  .indices()
                  .getMapping(m -> m.index(alias))
                  .get(names.index("executions"))
                  .mappings()
                  .properties())
          .containsKeys("@timestamp", "outcome", "verdict", "limits", "eventType");
    } finally {
      for (Topic<String, ?> topic : EventStreams.topics()) {
        String stream = EventStreams.streamOf(topic);
        client.indices().delete(d -> d.index(names.index(stream)).ignoreUnavailable(true));
        client.indices().deleteIndexTemplate(d -> d.name(names.template(stream)));
      }
      transport.close();
      TokenRows.delete(stack, processor);
    }
  }

  /** Readable header values: other consumers of the shared topic see these events too. */
  private <T extends SpecificRecord> T sane(T event) {
    EventHeader header = EventKeys.headerOf(event);
    header.setTenantId("it-tenant-" + run);
    header.setProjectId("it-project");
    header.setAgentId("it-agent");
    header.setSessionId("it-session-" + run);
    header.setTraceId(null);
    header.setSource("it");
    header.setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    return event;
  }

  private static boolean exists(ElasticsearchClient client, String alias) throws IOException {
    return client.indices().existsAlias(a -> a.name(alias)).value();
  }

  private static long ours(ElasticsearchClient client, String alias, List<SpecificRecord> events)
      throws IOException {
    client.indices().refresh(r -> r.index(alias));
    List<FieldValue> ids =
        events.stream().map(event -> FieldValue.of(EventDocuments.eventId(event))).toList();
    return client
        .count(
            c ->
                c.index(alias)
                    .query(q -> q.terms(t -> t.field("eventId").terms(v -> v.value(ids)))))
        .count();
  }

  private void publish(KafkaProducer<String, byte[]> producer, StackEndpoints stack, Object event)
      throws Exception {
    byte[] value;
    try (RegistryAvroSerializer<Object> serializer = new RegistryAvroSerializer<>()) {
      serializer.configure(
          Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
      value = serializer.serialize(Topics.EXECUTIONS.name(), event);
    }
    producer.send(new ProducerRecord<>(Topics.EXECUTIONS.name(), "it-session-" + run, value)).get();
  }

  private static KafkaProducer<String, byte[]> producer(StackEndpoints stack) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  private ConfigurableApplicationContext start(StackEndpoints stack) {
    String group = "--agentos.projections.processors." + EventStreams.PROCESSING_GROUP;
    // As arguments, not default properties: those would lose to application.yml.
    return new SpringApplicationBuilder(ProjectionsApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + stack.postgresJdbcUrl(),
            "--spring.datasource.username=" + stack.postgresUser(),
            "--spring.datasource.password=" + stack.postgresPassword(),
            "--agentos.projections.kafka-bootstrap-servers=" + stack.kafkaBootstrapServers(),
            "--agentos.projections.schema-registry-url=" + stack.schemaRegistryUrl(),
            "--agentos.projections.event-streams.elasticsearch-url=" + stack.elasticsearchUrl(),
            "--agentos.projections.event-streams.index-prefix=" + prefix,
            group + ".name=" + processor,
            group + ".topics=" + Topics.EXECUTIONS.name(),
            group + ".start-at=latest",
            // The memory and metrics read models are ReadModelsIT's business; they stay off here.
            "--agentos.projections.processors.memory-cassandra.enabled=false",
            "--agentos.projections.processors.memory-history.enabled=false",
            "--agentos.projections.processors.memory-search.enabled=false",
            "--agentos.projections.processors.metrics-influx.enabled=false",
            "--agentos.projections.processors.project-health-cassandra.enabled=false");
  }
}
