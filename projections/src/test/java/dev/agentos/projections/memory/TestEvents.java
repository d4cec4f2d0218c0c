package dev.agentos.projections.memory;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.CollapsedDuplicate;
import dev.agentos.events.memory.ContextCreated;
import dev.agentos.events.memory.ContextSwitched;
import dev.agentos.events.memory.ContextsMerged;
import dev.agentos.events.memory.ForgetReason;
import dev.agentos.events.memory.MemoryAccessKind;
import dev.agentos.events.memory.MemoryAccessed;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryRelationAdded;
import dev.agentos.events.memory.MemoryRelationRemoved;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.events.memory.RelationType;
import dev.agentos.schemas.topics.EventKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** Memory and context events of one tenant and project, as the command side would emit them. */
final class TestEvents {

  final String tenant;
  final String project;
  private final Map<String, Long> sequences = new HashMap<>();

  TestEvents(String tenant, String project) {
    this.tenant = tenant;
    this.project = project;
  }

  /**
   * The events as the processor hands them over: each memory event with the next sequence of its
   * memory's aggregate, read by "reader-1".
   */
  List<ReadModelEvent> read(SpecificRecord... events) {
    List<ReadModelEvent> read = new ArrayList<>();
    for (SpecificRecord e : events) {
      read.add(readBy("reader-1", e));
    }
    return read;
  }

  ReadModelEvent readBy(String reader, SpecificRecord e) {
    String memoryId = aggregateOf(e);
    long sequence =
        memoryId == null
            ? ReadModelEvent.NO_SEQUENCE
            : sequences.merge(memoryId, 0L, (last, zero) -> last + 1);
    return new ReadModelEvent(e, sequence, reader);
  }

  /** The memory aggregate an event belongs to (its record key), or null. */
  private static String aggregateOf(SpecificRecord e) {
    boolean memoryAggregate =
        e instanceof MemoryStored
            || e instanceof MemoryUpdated
            || e instanceof MemorySuperseded
            || e instanceof MemoryDeleted
            || e instanceof MemoryRelationAdded
            || e instanceof MemoryRelationRemoved;
    return memoryAggregate ? EventKeys.keyOf(e) : null;
  }

  EventHeader header(Instant at) {
    return new EventHeader(
        UUID.randomUUID().toString(), at, tenant, project, "agent-1", "session-1", null, "test");
  }

  MemoryStored stored(String id, String context, MemoryType type, Instant at, String... tags) {
    return new MemoryStored(
        header(at),
        id,
        context,
        type,
        "content of " + id,
        "sha256:" + id,
        List.of(tags),
        Map.of("file", id + ".java"),
        0.9f,
        null,
        null);
  }

  MemoryUpdated updated(String id, MemoryType type, String content, Instant at, String... tags) {
    return new MemoryUpdated(
        header(at),
        id,
        type,
        content,
        "sha256:" + content,
        List.of(tags),
        Map.of(),
        0.5f,
        null,
        null,
        List.of("content"));
  }

  MemorySuperseded superseded(String id, String by, Instant at) {
    return new MemorySuperseded(header(at), id, by, "newer");
  }

  MemoryDeleted deleted(String id, Instant at) {
    return new MemoryDeleted(header(at), id, ForgetReason.REQUESTED, null);
  }

  MemoryRelationAdded related(String relation, String from, String to, Instant at) {
    return new MemoryRelationAdded(header(at), relation, from, to, RelationType.DEPENDS_ON, 0.7f);
  }

  MemoryRelationRemoved unrelated(String relation, String from, String to, Instant at) {
    return new MemoryRelationRemoved(header(at), relation, from, to, null);
  }

  ContextCreated context(String id, Instant at) {
    return new ContextCreated(header(at), id, "name " + id, null, null, List.of("t"));
  }

  ContextSwitched switched(String session, String from, String to, Instant at) {
    return new ContextSwitched(header(at), session, from, to);
  }

  ContextsMerged merged(String source, String target, Instant at, CollapsedDuplicate... dups) {
    return new ContextsMerged(header(at), List.of(source), target, 1, List.of(dups));
  }

  MemoryAccessed accessed(Instant at, String... ids) {
    return new MemoryAccessed(header(at), List.of(ids), null, MemoryAccessKind.GET, null);
  }
}
