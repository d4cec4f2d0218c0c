package dev.agentos.projections.search;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.schemas.streams.StreamIds;
import org.apache.avro.specific.SpecificRecord;

/**
 * An event of a memory aggregate with its place in that aggregate's stream: the Axon sequence
 * number, which the command side publishes in the Kafka header {@code agentos.aggregate-sequence}
 * (and Axon hands to a handler as {@code @SequenceNumber}). {@code live}: read as it happened, not
 * in a replay, so a memory it stores has a text no vector was kept for (see {@link
 * MemoryDocuments.Content#fresh}).
 */
public record SequencedMemoryEvent(SpecificRecord event, long sequence, boolean live) {

  public SequencedMemoryEvent {
    memoryIdOf(event);
  }

  /** An event not known to be live: the embedding cache is looked up for its text. */
  public SequencedMemoryEvent(SpecificRecord event, long sequence) {
    this(event, sequence, false);
  }

  public String memoryId() {
    return memoryIdOf(event);
  }

  /** The memory's document id: its id within its tenant ({@link StreamIds}), as its stream's. */
  public String documentId() {
    return StreamIds.of(headerOf(event).getTenantId(), memoryId());
  }

  private static EventHeader headerOf(SpecificRecord event) {
    if (event instanceof MemoryStored e) {
      return e.getHeader();
    } else if (event instanceof MemoryUpdated e) {
      return e.getHeader();
    } else if (event instanceof MemorySuperseded e) {
      return e.getHeader();
    }
    return ((MemoryDeleted) event).getHeader();
  }

  private static String memoryIdOf(SpecificRecord event) {
    if (event instanceof MemoryStored e) {
      return e.getMemoryId();
    } else if (event instanceof MemoryUpdated e) {
      return e.getMemoryId();
    } else if (event instanceof MemorySuperseded e) {
      return e.getMemoryId();
    } else if (event instanceof MemoryDeleted e) {
      return e.getMemoryId();
    }
    throw new IllegalArgumentException("not a memory event: " + event.getClass().getName());
  }
}
