package dev.agentos.projections.search;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.ForgetReason;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryEmbedding;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.events.memory.MemoryUpdated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events as the command side writes them, for the tests. */
final class MemoryEvents {

  private MemoryEvents() {}

  static EventHeader header(String tenant) {
    return EventHeader.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(Instant.parse("2026-11-02T10:00:00Z"))
        .setTenantId(tenant)
        .setProjectId("project-1")
        .setAgentId("agent-1")
        .setSessionId("session-1")
        .setSource("command-side")
        .build();
  }

  static MemoryStored stored(
      String tenant, String memoryId, String context, String content, String... tags) {
    return MemoryStored.newBuilder()
        .setHeader(header(tenant))
        .setMemoryId(memoryId)
        .setContextId(context)
        .setType(MemoryType.FACT)
        .setContent(content)
        .setContentHash("sha256:" + Integer.toHexString(content.hashCode()))
        .setTags(new ArrayList<>(List.of(tags)))
        .setMetadata(Map.of("file", "src/Main.java"))
        .setConfidence(0.9f)
        .build();
  }

  static MemoryUpdated updated(MemoryStored stored, String content) {
    return MemoryUpdated.newBuilder()
        .setHeader(header(stored.getHeader().getTenantId()))
        .setMemoryId(stored.getMemoryId())
        .setType(stored.getType())
        .setContent(content)
        .setContentHash("sha256:" + Integer.toHexString(content.hashCode()))
        .setTags(stored.getTags())
        .setMetadata(stored.getMetadata())
        .setConfidence(stored.getConfidence())
        .setChangedFields(new ArrayList<>(List.of("content")))
        .build();
  }

  static MemoryDeleted deleted(MemoryStored stored) {
    return MemoryDeleted.newBuilder()
        .setHeader(header(stored.getHeader().getTenantId()))
        .setMemoryId(stored.getMemoryId())
        .setReason(ForgetReason.REQUESTED)
        .build();
  }

  static MemoryEmbedding embedding(String model, int size) {
    List<Float> vector = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      vector.add(i == 0 ? 1f : 0f);
    }
    return new MemoryEmbedding(model, vector);
  }
}
