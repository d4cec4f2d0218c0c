package dev.agentos.projections.memory.cassandra;

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
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The processing group {@value #GROUP}: memory, relation, context and access events into the
 * Cassandra read models. Each writer is idempotent by event id, so the processor's at-least-once
 * delivery changes nothing on a redelivery.
 */
@ProcessingGroup(MemoryCassandraProjection.GROUP)
public class MemoryCassandraProjection {

  public static final String GROUP = "memory-cassandra";

  private final MemoryReadModelWriter memories;
  private final RelationReadModelWriter relations;
  private final ContextReadModelWriter contexts;
  private final AccessStatsWriter accesses;
  private final Runnable clear;

  /**
   * @param clear empties every table of the read model, before a replay
   */
  public MemoryCassandraProjection(
      MemoryReadModelWriter memories,
      RelationReadModelWriter relations,
      ContextReadModelWriter contexts,
      AccessStatsWriter accesses,
      Runnable clear) {
    this.clear = clear;
    this.memories = memories;
    this.relations = relations;
    this.contexts = contexts;
    this.accesses = accesses;
  }

  /** Axon calls this when the processor's tokens are reset: the replay starts from empty tables. */
  @ResetHandler
  void clear() {
    clear.run();
  }

  @EventHandler
  void on(MemoryStored e) {
    memories.on(e);
  }

  @EventHandler
  void on(MemoryUpdated e) {
    memories.on(e);
  }

  @EventHandler
  void on(MemorySuperseded e) {
    memories.on(e);
  }

  @EventHandler
  void on(MemoryDeleted e) {
    memories.on(e);
  }

  @EventHandler
  void on(MemoryRelationAdded e) {
    relations.on(e);
  }

  @EventHandler
  void on(MemoryRelationRemoved e) {
    relations.on(e);
  }

  @EventHandler
  void on(ContextCreated e) {
    contexts.on(e);
  }

  @EventHandler
  void on(ContextSwitched e) {
    contexts.on(e);
  }

  @EventHandler
  void on(ContextsMerged e) {
    contexts.on(e);
  }

  @EventHandler
  void on(MemoryAccessed e) {
    accesses.on(e);
  }
}
