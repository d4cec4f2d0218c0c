package dev.agentos.systemtests.readpath;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.ContextCreated;
import dev.agentos.events.memory.ContextSwitched;
import dev.agentos.events.memory.ForgetReason;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.projections.memory.MemoryCassandraWriter;
import dev.agentos.projections.memory.ReadModelEvent;
import dev.agentos.query.it.RunningQuerySide;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes events of one new tenant and project into the query side's read models with the
 * projections' own writers, as the projections would after reading them from Kafka.
 */
final class ReadModelSeed {

  final String tenant = "it-" + UUID.randomUUID();
  final String project = "p-" + UUID.randomUUID().toString().substring(0, 8);
  private final MemoryCassandraWriter writer;
  private final Map<String, Long> sequences = new HashMap<>();

  ReadModelSeed(RunningQuerySide app) {
    this.writer = new MemoryCassandraWriter(app.cassandra(), Clock.systemUTC());
  }

  /** Stores a memory by {@code agent} in {@code session}, in the seed's project. */
  void memoryBy(
      String id,
      String context,
      MemoryType type,
      Instant at,
      String agent,
      String session,
      String... tags) {
    write(
        id,
        new MemoryStored(
            header(at, agent, session),
            id,
            context,
            type,
            "content of " + id,
            "sha256:" + id,
            List.of(tags),
            Map.of("file", id + ".java"),
            0.9f,
            null,
            null));
  }

  void memory(String id, String context, MemoryType type, Instant at, String... tags) {
    memoryBy(id, context, type, at, "agent-1", "session-1", tags);
  }

  void deleted(String id, Instant at) {
    write(id, new MemoryDeleted(header(at, "agent-1", null), id, ForgetReason.REQUESTED, null));
  }

  void superseded(String id, String by, Instant at) {
    write(id, new MemorySuperseded(header(at, "agent-1", null), id, by, "newer"));
  }

  void context(String id, Instant at) {
    write(
        null,
        new ContextCreated(
            header(at, "agent-1", null), id, "name " + id, "about " + id, null, List.of("t")));
  }

  void switched(String session, String from, String to, Instant at) {
    write(null, new ContextSwitched(header(at, "agent-1", session), session, from, to));
  }

  /** As the projection would: a memory's events with its aggregate's next sequence. */
  private void write(String memoryId, SpecificRecord event) {
    long sequence =
        memoryId == null
            ? ReadModelEvent.NO_SEQUENCE
            : sequences.merge(memoryId, 0L, (last, zero) -> last + 1);
    writer.apply(new ReadModelEvent(event, sequence, "seed"));
  }

  private EventHeader header(Instant at, String agent, String session) {
    return new EventHeader(
        UUID.randomUUID().toString(), at, tenant, project, agent, session, null, "it");
  }
}
