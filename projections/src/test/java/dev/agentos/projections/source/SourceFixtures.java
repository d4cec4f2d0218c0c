package dev.agentos.projections.source;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemoryType;
import java.time.Instant;
import java.util.List;

/** Memory events for the source's tests. */
final class SourceFixtures {

  static final Instant AT = Instant.parse("2026-11-24T10:00:00.123Z");

  private SourceFixtures() {}

  static MemoryStored memoryStored(String eventId, String memoryId, String content) {
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(eventId)
            .setOccurredAt(AT)
            .setTenantId("tenant-t")
            .setProjectId("project-p")
            .setAgentId("agent-a")
            .setSessionId("session-s")
            .setSource("test")
            .build();
    return MemoryStored.newBuilder()
        .setHeader(header)
        .setMemoryId(memoryId)
        .setContextId("context-c")
        .setContent(content)
        .setContentHash("sha256:00")
        .setType(MemoryType.FACT)
        .setTags(List.of())
        .build();
  }
}
