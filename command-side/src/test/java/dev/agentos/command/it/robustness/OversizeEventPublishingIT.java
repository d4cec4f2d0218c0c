package dev.agentos.command.it.robustness;

import static dev.agentos.command.it.PublishedRecords.decode;
import static dev.agentos.command.it.PublishedRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.command.CommandOrigin;
import dev.agentos.command.agent.api.RegisterAgentCommand;
import dev.agentos.command.it.PublishedRecords;
import dev.agentos.command.it.RunningCommandSide;
import dev.agentos.command.publish.PublisherHealthIndicator;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.AgentRegistered;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import dev.agentos.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.health.Status;

/**
 * An event over Kafka's record limit that is already in the event store (as commands stored them
 * before their encoded size was checked) becomes a dead letter with the reason, and the events of
 * other tenants stored after it still reach Kafka: the publisher no longer retries it forever.
 */
@ExtendWith(LocalStackExtension.class)
class OversizeEventPublishingIT {

  private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(60);

  private final String publisher = "it-oversize-" + UUID.randomUUID();
  private final String oversize = "agent-oversize-" + UUID.randomUUID();
  private final String afterIt = "agent-after-" + UUID.randomUUID();

  @Test
  void anEventTooLargeForKafkaIsDeadLetteredAndOtherTenantsEventsStillArrive(StackEndpoints stack) {
    SchemaRegistryClient registry = SchemaRegistryClient.connect(stack.schemaRegistryUrl());
    try (KafkaConsumer<String, byte[]> kafka =
            PublishedRecords.fromNow(stack, Topics.AGENTS, Topics.DEAD_LETTERS);
        RunningCommandSide app =
            RunningCommandSide.start(
                stack,
                "--agentos.publisher.transactional-id=" + publisher,
                "--agentos.dedup.enabled=false")) {
      // Stored the way a command stored it before the size check: straight into the store.
      app.bean(EventStorageEngine.class)
          .appendEvents(new GenericDomainEventMessage<>("Agent", oversize, 0, tooLarge()));
      app.bean(CommandGateway.class)
          .sendAndWait(
              new RegisterAgentCommand(
                  afterIt,
                  "After",
                  "robustness-it",
                  null,
                  List.of(),
                  Map.of(),
                  new CommandOrigin("tenant-b-" + UUID.randomUUID(), "p", afterIt, null, null)));

      List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
      await()
          .atMost(PUBLISHED_WITHIN)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> poll(kafka, seen) && has(seen, Topics.AGENTS.name(), afterIt));

      ConsumerRecord<String, byte[]> letter =
          seen.stream()
              .filter(r -> r.topic().equals(Topics.DEAD_LETTERS.name()))
              .filter(r -> oversize.equals(header(r, "agentos.aggregate-id")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no dead letter for " + oversize));
      RecordDeadLettered deadLettered = (RecordDeadLettered) decode(registry, letter);
      assertThat(deadLettered.getReason())
          .contains("AgentRegistered #0 of Agent " + oversize)
          .containsPattern("its record is 1,1\\d\\d,\\d{3} bytes, over the 1,04\\d,\\d{3} the");
      assertThat(deadLettered.getHeader().getTenantId()).isEqualTo("tenant-a");
      assertThat(seen)
          .filteredOn(r -> r.topic().equals(Topics.AGENTS.name()))
          .extracting(ConsumerRecord::key)
          .doesNotContain(oversize);
      assertThat(app.bean(PublisherHealthIndicator.class).health().getStatus())
          .isEqualTo(Status.UP);
      JsonNode publisherHealth =
          app.as(null).get("/actuator/health").json().get("components").get("publisher");
      assertThat(publisherHealth.get("status").asText()).isEqualTo("UP");
      assertThat(publisherHealth.get("details").get("position").asLong())
          .isGreaterThanOrEqualTo(publisherHealth.get("details").get("lastStoredIndex").asLong());
    }
  }

  /** An AgentRegistered of 1.1 MB once encoded: over the 1 MiB the producer sends. */
  private AgentRegistered tooLarge() {
    return AgentRegistered.newBuilder()
        .setHeader(
            EventHeader.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setTenantId("tenant-a")
                .setProjectId("p")
                .setAgentId(oversize)
                .setSource("robustness-it")
                .build())
        .setDisplayName("Oversize")
        .setClient("robustness-it")
        .setMetadata(Map.of("notes", "x".repeat(1_150_000)))
        .build();
  }

  private boolean poll(
      KafkaConsumer<String, byte[]> kafka, List<ConsumerRecord<String, byte[]>> seen) {
    for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(200))) {
      if (publisher.equals(header(record, "agentos.publisher"))) {
        seen.add(record);
      }
    }
    return true;
  }

  private static boolean has(List<ConsumerRecord<String, byte[]>> seen, String topic, String key) {
    return seen.stream().anyMatch(r -> r.topic().equals(topic) && key.equals(r.key()));
  }
}
