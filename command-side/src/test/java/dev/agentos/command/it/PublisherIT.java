package dev.agentos.command.it;

import static dev.agentos.command.it.PublishedRecords.decode;
import static dev.agentos.command.it.PublishedRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.agent.api.IssueApiKeyCommand;
import dev.agentos.command.agent.api.RegisterAgentCommand;
import dev.agentos.command.agent.api.RevokeApiKeyCommand;
import dev.agentos.command.publish.EventPublisher;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.AgentRegistered;
import dev.agentos.events.agents.ApiKeyIssued;
import dev.agentos.events.agents.ApiKeyRevoked;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.common.EventHeader;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import dev.agentos.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real application publishes the agent events it stores to Kafka: in each aggregate's order,
 * keyed by agent, in the registry's wire format, once, across a restart of the publisher and a
 * takeover by a second instance. Other tests' applications publish the same shared event store
 * under other transactional ids, so only this test's publisher and agents are looked at.
 */
@ExtendWith(LocalStackExtension.class)
class PublisherIT {

  private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(60);

  private final String publisher = "it-" + UUID.randomUUID();
  private final String agentA = "agent-" + UUID.randomUUID();
  private final String agentB = "agent-" + UUID.randomUUID();

  @Test
  void publishesEveryEventOnceInAggregateOrderAcrossRestarts(StackEndpoints stack) {
    SchemaRegistryClient registry = SchemaRegistryClient.connect(stack.schemaRegistryUrl());
    try (KafkaConsumer<String, byte[]> agents = PublishedRecords.fromNow(stack, Topics.AGENTS);
        RunningCommandSide first = start(stack)) {
      List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
      CommandGateway gateway = first.bean(CommandGateway.class);
      gateway.sendAndWait(register(agentA));
      gateway.sendAndWait(register(agentB));
      gateway.sendAndWait(issue(agentA, "k1"));
      gateway.sendAndWait(issue(agentA, "k2"));
      gateway.sendAndWait(issue(agentB, "k3"));
      gateway.sendAndWait(new RevokeApiKeyCommand(agentA, "k1", "rotated", origin(agentA)));

      awaitPublished(agents, seen, 6);
      assertThat(typesOf(seen, agentA))
          .containsExactly(
              AgentRegistered.class, ApiKeyIssued.class, ApiKeyIssued.class, ApiKeyRevoked.class);
      assertThat(typesOf(seen, agentB)).containsExactly(AgentRegistered.class, ApiKeyIssued.class);
      for (ConsumerRecord<String, byte[]> record : seen) {
        SpecificRecord event = decode(registry, record);
        assertThat(record.key()).isEqualTo(((EventHeader) event.get(0)).getAgentId());
        int schemaId = ByteBuffer.wrap(record.value(), 1, 4).getInt();
        assertThat(registry.getById(schemaId)).isEqualTo(event.getSchema());
        assertThat(header(record, "agentos.event-type")).isEqualTo(event.getSchema().getFullName());
      }

      // A restart resumes after the last published event: what follows is new events only.
      EventPublisher restarted = first.bean(EventPublisher.class);
      restarted.stop();
      restarted.start();
      gateway.sendAndWait(issue(agentA, "k4"));
      awaitPublished(agents, seen, 7);

      // A second instance with the same transactional id fences the first and carries on.
      try (RunningCommandSide second = start(stack)) {
        EventPublisher takingOver = second.bean(EventPublisher.class);
        await().atMost(PUBLISHED_WITHIN).until(takingOver::isPublishing);
        second.bean(CommandGateway.class).sendAndWait(issue(agentB, "k5"));
        awaitPublished(agents, seen, 8);
        // The first one learns it was fenced when it tries to publish that event itself.
        await().atMost(PUBLISHED_WITHIN).until(() -> !restarted.isRunning());
        assertThat(takingOver.isPublishing()).isTrue();
        gateway.sendAndWait(issue(agentA, "k6"));
        awaitPublished(agents, seen, 9);
      }

      assertThat(sequencesOf(seen, agentA)).containsExactly("0", "1", "2", "3", "4", "5");
      assertThat(sequencesOf(seen, agentB)).containsExactly("0", "1", "2");
      assertThat(seen.stream().map(r -> eventIdOf(registry, r)).distinct()).hasSize(9);
    }
  }

  private RunningCommandSide start(StackEndpoints stack) {
    return RunningCommandSide.start(
        stack,
        "--agentos.publisher.transactional-id=" + publisher,
        "--agentos.dedup.enabled=false");
  }

  /**
   * Waits until this publisher's records of the two agents number {@code count}, then reads on a
   * little: a repeated event would come in that time, or before the newest one (the publisher keeps
   * the store's order), so an exact count proves nothing was published twice.
   */
  private void awaitPublished(
      KafkaConsumer<String, byte[]> agents, List<ConsumerRecord<String, byte[]>> seen, int count) {
    await()
        .atMost(PUBLISHED_WITHIN)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> poll(agents, seen) >= count);
    long quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (System.nanoTime() < quietUntil) {
      poll(agents, seen);
    }
    assertThat(seen.stream().map(PublisherIT::describe).toList())
        .as("records of %s", publisher)
        .hasSize(count);
  }

  private static String describe(ConsumerRecord<String, byte[]> record) {
    return record.key()
        + " #"
        + header(record, "agentos.aggregate-sequence")
        + " at global index "
        + header(record, "agentos.global-index");
  }

  private int poll(
      KafkaConsumer<String, byte[]> agents, List<ConsumerRecord<String, byte[]>> seen) {
    for (ConsumerRecord<String, byte[]> record : agents.poll(Duration.ofMillis(200))) {
      if (publisher.equals(header(record, "agentos.publisher"))
          && Set.of(agentA, agentB).contains(record.key())) {
        seen.add(record);
      }
    }
    return seen.size();
  }

  private static List<Class<?>> typesOf(List<ConsumerRecord<String, byte[]>> seen, String agentId) {
    return seen.stream()
        .filter(r -> r.key().equals(agentId))
        .<Class<?>>map(
            r -> {
              try {
                return Class.forName(header(r, "agentos.event-type"));
              } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
              }
            })
        .toList();
  }

  private static List<String> sequencesOf(
      List<ConsumerRecord<String, byte[]>> seen, String agentId) {
    return seen.stream()
        .filter(r -> r.key().equals(agentId))
        .map(r -> header(r, "agentos.aggregate-sequence"))
        .toList();
  }

  private static String eventIdOf(
      SchemaRegistryClient registry, ConsumerRecord<String, byte[]> record) {
    return ((EventHeader) decode(registry, record).get(0)).getEventId();
  }

  private RegisterAgentCommand register(String agentId) {
    return new RegisterAgentCommand(
        agentId, "Agent", "publisher-it", null, List.of(), Map.of(), origin(agentId));
  }

  private IssueApiKeyCommand issue(String agentId, String keyId) {
    return new IssueApiKeyCommand(
        agentId,
        keyId,
        "hash-" + UUID.randomUUID(),
        null,
        Set.of(ApiKeyScope.MEMORY_READ),
        null,
        null,
        origin(agentId));
  }

  private static CommandOrigin origin(String agentId) {
    return new CommandOrigin("tenant-publisher-it", "project-it", agentId, null, null);
  }
}
