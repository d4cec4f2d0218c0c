package dev.agentos.projections.search;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.ForgetReason;
import dev.agentos.events.memory.MemoryAccessKind;
import dev.agentos.events.memory.MemoryAccessed;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryRelationAdded;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.events.memory.RelationType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Memory events of one tenant with every scope field chosen by the test (project, context, agent,
 * session, type, time, expiry), for the search, graph and category ITs.
 */
final class ScopedMemories {

  final String tenant;

  ScopedMemories(String tenant) {
    this.tenant = tenant;
  }

  /** A memory's scope and metadata; build one with {@link #in} and the {@code with} methods. */
  record Spec(
      String project,
      String context,
      String agent,
      String session,
      MemoryType type,
      Instant at,
      Instant expiresAt,
      List<String> tags) {

    Spec agent(String value) {
      return new Spec(project, context, value, session, type, at, expiresAt, tags);
    }

    Spec session(String value) {
      return new Spec(project, context, agent, value, type, at, expiresAt, tags);
    }

    Spec type(MemoryType value) {
      return new Spec(project, context, agent, session, value, at, expiresAt, tags);
    }

    Spec at(Instant value) {
      return new Spec(project, context, agent, session, type, value, expiresAt, tags);
    }

    Spec expiresAt(Instant value) {
      return new Spec(project, context, agent, session, type, at, value, tags);
    }

    Spec tags(String... value) {
      return new Spec(project, context, agent, session, type, at, expiresAt, List.of(value));
    }
  }

  static Spec in(String project, String context) {
    return new Spec(
        project,
        context,
        "agent-1",
        "session-1",
        MemoryType.FACT,
        Instant.parse("2026-11-01T10:00:00Z"),
        null,
        List.of());
  }

  EventHeader header(String project, String agent, String session, Instant at) {
    return new EventHeader(
        UUID.randomUUID().toString(), at, tenant, project, agent, session, null, "test");
  }

  MemoryStored stored(String id, String content, Spec spec) {
    return new MemoryStored(
        header(spec.project(), spec.agent(), spec.session(), spec.at()),
        id,
        spec.context(),
        spec.type(),
        content,
        "sha256:" + Integer.toHexString(content.hashCode()),
        spec.tags(),
        Map.of(),
        0.9f,
        null,
        spec.expiresAt());
  }

  MemorySuperseded superseded(MemoryStored memory, String by) {
    return new MemorySuperseded(headerOf(memory), memory.getMemoryId(), by, "newer");
  }

  MemoryDeleted deleted(MemoryStored memory) {
    return new MemoryDeleted(headerOf(memory), memory.getMemoryId(), ForgetReason.REQUESTED, null);
  }

  MemoryAccessed accessed(MemoryStored memory) {
    return new MemoryAccessed(
        headerOf(memory), List.of(memory.getMemoryId()), null, MemoryAccessKind.SEARCH, null);
  }

  MemoryRelationAdded related(
      MemoryStored from, MemoryStored to, RelationType type, float strength) {
    return new MemoryRelationAdded(
        headerOf(from),
        from.getMemoryId() + "-" + type + "-" + to.getMemoryId(),
        from.getMemoryId(),
        to.getMemoryId(),
        type,
        strength);
  }

  private EventHeader headerOf(MemoryStored memory) {
    EventHeader h = memory.getHeader();
    return header(h.getProjectId(), h.getAgentId(), h.getSessionId(), h.getOccurredAt());
  }
}
