package dev.agentos.query.history;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.ForgetReason;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryRelationAdded;
import dev.agentos.events.memory.MemoryRelationRemoved;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.events.memory.RelationType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A memory's events as the command side's aggregate applies them, for one tenant and memory. */
final class MemoryEvents {

  final String tenant;
  final String memoryId;

  MemoryEvents(String tenant, String memoryId) {
    this.tenant = tenant;
    this.memoryId = memoryId;
  }

  EventHeader header(Instant at, String agent, String session) {
    return EventHeader.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(at)
        .setTenantId(tenant)
        .setProjectId("p1")
        .setAgentId(agent)
        .setSessionId(session)
        .setSource("command-side")
        .build();
  }

  MemoryStored stored(Instant at, String content) {
    return MemoryStored.newBuilder()
        .setHeader(header(at, "writer", "s1"))
        .setMemoryId(memoryId)
        .setContextId("c1")
        .setType(MemoryType.FACT)
        .setContent(content)
        .setContentHash("sha256:1")
        .setTags(List.of("java"))
        .setMetadata(Map.of("file", "A.java"))
        .setConfidence(0.5f)
        .build();
  }

  MemoryUpdated updated(Instant at, String content) {
    return MemoryUpdated.newBuilder()
        .setHeader(header(at, "editor", "s2"))
        .setMemoryId(memoryId)
        .setType(MemoryType.DECISION)
        .setContent(content)
        .setContentHash("sha256:2")
        .setTags(List.of("java", "db"))
        .setMetadata(Map.of("file", "B.java"))
        .setConfidence(0.9f)
        .setChangedFields(List.of("content", "type", "tags", "metadata", "confidence"))
        .build();
  }

  MemoryRelationAdded related(Instant at, String relationId, String to) {
    return new MemoryRelationAdded(
        header(at, "editor", null), relationId, memoryId, to, RelationType.SUPPORTS, 0.7f);
  }

  MemoryRelationRemoved unrelated(Instant at, String relationId, String to) {
    return new MemoryRelationRemoved(header(at, "editor", null), relationId, memoryId, to, null);
  }

  MemorySuperseded superseded(Instant at, String by) {
    return new MemorySuperseded(header(at, "editor", "s2"), memoryId, by, "newer");
  }

  MemoryDeleted deleted(Instant at) {
    return new MemoryDeleted(header(at, "admin", null), memoryId, ForgetReason.REQUESTED, null);
  }
}
