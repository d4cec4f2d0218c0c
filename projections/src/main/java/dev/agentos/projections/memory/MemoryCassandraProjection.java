package dev.agentos.projections.memory;

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
import dev.agentos.projections.source.AggregateSequence;
import dev.agentos.projections.source.BatchPerUnitOfWork;
import dev.agentos.projections.source.KafkaRecordOrigin;
import dev.agentos.projections.source.RefusedRecords;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The processing group {@value #GROUP}: memory, relation, context and access events into the
 * Cassandra read models. Events are collected per processor batch and written together by {@link
 * MemoryCassandraWriter}, idempotently, so the processor's at-least-once delivery changes nothing
 * on a redelivery. What can fail on one bad record (a missing sequence header) fails here, in its
 * handler, so that record alone goes to the dead-letter topic.
 */
@ProcessingGroup(MemoryCassandraProjection.GROUP)
public class MemoryCassandraProjection {

  public static final String GROUP = "memory-cassandra";

  private final BatchPerUnitOfWork<ReadModelEvent> batch;
  private final Runnable clear;

  /**
   * @param clear empties every table of the read model, before a replay
   * @param refused sets aside the records of events Cassandra refuses for good
   */
  public MemoryCassandraProjection(
      MemoryCassandraWriter writer, Runnable clear, RefusedRecords refused) {
    this.clear = clear;
    this.batch = new BatchPerUnitOfWork<>(GROUP, writer::apply, refused);
  }

  /** Axon calls this when the processor's tokens are reset: the replay starts from empty tables. */
  @ResetHandler
  void clear() {
    clear.run();
  }

  @EventHandler
  void on(MemoryStored e, EventMessage<?> message) {
    addSequenced(e, message);
  }

  @EventHandler
  void on(MemoryUpdated e, EventMessage<?> message) {
    addSequenced(e, message);
  }

  @EventHandler
  void on(MemorySuperseded e, EventMessage<?> message) {
    addSequenced(e, message);
  }

  @EventHandler
  void on(MemoryDeleted e, EventMessage<?> message) {
    addSequenced(e, message);
  }

  @EventHandler
  void on(MemoryRelationAdded e, EventMessage<?> message) {
    addSequenced(e, message);
  }

  @EventHandler
  void on(MemoryRelationRemoved e, EventMessage<?> message) {
    addSequenced(e, message);
  }

  @EventHandler
  void on(ContextCreated e, EventMessage<?> message) {
    add(e, message, ReadModelEvent.NO_SEQUENCE);
  }

  @EventHandler
  void on(ContextSwitched e, EventMessage<?> message) {
    add(e, message, ReadModelEvent.NO_SEQUENCE);
  }

  @EventHandler
  void on(ContextsMerged e, EventMessage<?> message) {
    add(e, message, ReadModelEvent.NO_SEQUENCE);
  }

  @EventHandler
  void on(MemoryAccessed e, EventMessage<?> message) {
    add(e, message, ReadModelEvent.NO_SEQUENCE);
  }

  private void addSequenced(SpecificRecord e, EventMessage<?> message) {
    add(e, message, AggregateSequence.of(message));
  }

  private void add(SpecificRecord e, EventMessage<?> message, long sequence) {
    KafkaRecordOrigin origin = KafkaRecordOrigin.of(message);
    if (origin == null) {
      throw new IllegalArgumentException(
          "event " + message.getIdentifier() + " did not come from Kafka: no record key");
    }
    batch.add(new ReadModelEvent(e, sequence, origin.sequencingKey()));
  }
}
