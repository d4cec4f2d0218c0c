package dev.agentos.projections.memory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.agentos.events.memory.ContextCreated;
import dev.agentos.events.memory.ContextSwitched;
import dev.agentos.events.memory.ContextsMerged;
import dev.agentos.events.memory.MemoryAccessed;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryRelationAdded;
import dev.agentos.events.memory.MemoryRelationRemoved;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.projections.source.Refusal;
import dev.agentos.schemas.topics.EventKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a processor batch of memory, relation, context and access events into the Cassandra read
 * models: {@code memories_by_id}, {@code memories_by_scope}, both relation tables, contexts and
 * their members, each session's active context and the access tallies.
 *
 * <p>A batch costs one round of concurrent reads (the rows its events change) and three rounds of
 * concurrent writes (see {@link Batch}), whatever its size; a memory changed several times in one
 * batch is written once. A merge is applied on its own, after the events before it are written,
 * because it reads the members they add. Every event is idempotent (see {@link MemoryEvents},
 * {@link ContextEvents}, {@link AccessEvents}), so a batch redelivered after a crash changes
 * nothing it had already changed.
 */
public final class MemoryCassandraWriter {

  private final CqlSession session;
  private final Statements statements;
  private final WriteClock clock;
  private final MemoryEvents memories;
  private final ContextEvents contexts;
  private final AccessEvents accesses;

  public MemoryCassandraWriter(CqlSession session, Clock clock) {
    this.session = session;
    this.statements = new Statements(session);
    this.clock = new WriteClock(clock);
    this.memories = new MemoryEvents(statements);
    this.contexts = new ContextEvents(session, statements);
    this.accesses = new AccessEvents(statements);
  }

  /**
   * Applies {@code events} in their order. When Cassandra refuses a write for good (an invalid
   * query: a value over an index's term limit, say), the events are applied again one at a time and
   * those it still refuses are answered, with its message, for their records to be set aside; the
   * writes are idempotent, so applying the others again is harmless. Any other failure (a timeout,
   * a node down) is thrown, and the processor retries the batch.
   */
  public List<Refusal<ReadModelEvent>> apply(List<ReadModelEvent> events) {
    try {
      applyTogether(events);
      return List.of();
    } catch (InvalidQueryException refused) {
      if (events.size() == 1) {
        return List.of(
            new Refusal<>(
                events.get(0),
                "Cassandra refused "
                    + events.get(0).event().getSchema().getName()
                    + ": "
                    + refused.getMessage(),
                refused.getClass().getName()));
      }
    }
    List<Refusal<ReadModelEvent>> refusals = new ArrayList<>();
    for (ReadModelEvent event : events) {
      refusals.addAll(apply(List.of(event)));
    }
    return refusals;
  }

  public List<Refusal<ReadModelEvent>> apply(ReadModelEvent... events) {
    return apply(List.of(events));
  }

  private void applyTogether(List<ReadModelEvent> events) {
    List<ReadModelEvent> run = new ArrayList<>();
    for (ReadModelEvent event : events) {
      if (event.event() instanceof ContextsMerged merged) {
        write(run);
        run.clear();
        Batch batch = newBatch();
        contexts.merged(batch, merged);
        batch.write();
      } else {
        run.add(event);
      }
    }
    write(run);
  }

  private void write(List<ReadModelEvent> run) {
    if (run.isEmpty()) {
      return;
    }
    Batch batch = newBatch();
    batch.readMemories(
        run.stream()
            .map(MemoryCassandraWriter::memoryKey)
            .filter(java.util.Objects::nonNull)
            .toList());
    batch.readTallies(run.stream().flatMap(e -> tallyKeys(e).stream()).toList());
    for (ReadModelEvent e : run) {
      apply(batch, e);
    }
    batch.write();
  }

  private void apply(Batch batch, ReadModelEvent e) {
    long seq = e.sequence();
    Object event = e.event();
    if (event instanceof MemoryStored stored) {
      memories.stored(batch, stored, seq);
    } else if (event instanceof MemoryUpdated updated) {
      memories.updated(batch, updated, seq);
    } else if (event instanceof MemorySuperseded superseded) {
      memories.superseded(batch, superseded, seq);
    } else if (event instanceof MemoryDeleted deleted) {
      memories.deleted(batch, deleted, seq);
    } else if (event instanceof MemoryRelationAdded added) {
      memories.related(batch, added, seq);
    } else if (event instanceof MemoryRelationRemoved removed) {
      memories.unrelated(batch, removed, seq);
    } else if (event instanceof ContextCreated created) {
      contexts.created(batch, created);
    } else if (event instanceof ContextSwitched switched) {
      contexts.switched(batch, switched);
    } else if (event instanceof MemoryAccessed accessed) {
      accesses.accessed(batch, accessed, e);
    } else {
      throw new IllegalArgumentException(
          "not an event of the memory read models: " + e.event().getSchema().getFullName());
    }
  }

  private Batch newBatch() {
    return new Batch(session, statements, clock);
  }

  /**
   * The memory row an event reads, or null: the memory aggregate's events (those with a sequence)
   * are keyed by their memory's id, a relation's by its source memory.
   */
  private static Batch.MemoryKey memoryKey(ReadModelEvent e) {
    return e.sequence() == ReadModelEvent.NO_SEQUENCE
        ? null
        : new Batch.MemoryKey(
            EventKeys.headerOf(e.event()).getTenantId(), EventKeys.keyOf(e.event()));
  }

  private static List<Batch.TallyKey> tallyKeys(ReadModelEvent e) {
    if (!(e.event() instanceof MemoryAccessed accessed)) {
      return List.of();
    }
    String tenant = accessed.getHeader().getTenantId();
    return accessed.getMemoryIds().stream()
        .distinct()
        .map(id -> new Batch.TallyKey(tenant, id, e.reader()))
        .toList();
  }
}
