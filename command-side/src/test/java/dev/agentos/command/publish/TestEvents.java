package dev.agentos.command.publish;

import dev.agentos.events.agents.AgentRegistered;
import dev.agentos.events.agents.ApiKeyIssued;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionStarted;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/** Events as aggregates store them, for the publisher's unit tests. */
final class TestEvents {

  static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

  private TestEvents() {}

  static DomainEventMessage<?> stored(String aggregateId, long sequence, Object payload) {
    return new GenericDomainEventMessage<>("Agent", aggregateId, sequence, payload);
  }

  static AgentRegistered registered(String agentId) {
    return AgentRegistered.newBuilder()
        .setHeader(header(agentId, null))
        .setDisplayName("Agent " + agentId)
        .setClient("test")
        .build();
  }

  /** Registered with a metadata value of {@code metadataChars} characters. */
  static AgentRegistered registered(String agentId, int metadataChars) {
    AgentRegistered event = registered(agentId);
    event.setMetadata(java.util.Map.of("notes", "x".repeat(metadataChars)));
    return event;
  }

  static ApiKeyIssued issued(String agentId, String keyId) {
    return ApiKeyIssued.newBuilder()
        .setHeader(header(agentId, null))
        .setKeyId(keyId)
        .setKeyHash("hash-" + keyId)
        .setScopes(List.of(ApiKeyScope.ADMIN))
        .build();
  }

  static ExecutionStarted started(String sessionId) {
    return ExecutionStarted.newBuilder()
        .setHeader(header("agent-1", sessionId))
        .setExecutionId("execution-1")
        .setSandboxId("sandbox-1")
        .setRuntime("python")
        .setQueuedMs(3)
        .build();
  }

  static EventHeader header(String agentId, String sessionId) {
    return EventHeader.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(T0)
        .setTenantId("tenant-1")
        .setProjectId("project-1")
        .setAgentId(agentId)
        .setSessionId(sessionId)
        .setSource("command-side")
        .build();
  }

  static String text(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
