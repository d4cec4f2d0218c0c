package dev.agentos.projections.memory.search;

import dev.agentos.events.memory.ContextsMerged;
import dev.agentos.events.memory.MemoryAccessed;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.projections.source.BatchPerUnitOfWork;
import dev.agentos.projections.source.KafkaRecordOrigin;
import dev.agentos.projections.source.UnprocessableRecordException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The processing group {@value #GROUP}: memory, context-merge and access events into the memory
 * search index. Events are collected per processor batch and written together, so a batch costs one
 * {@code _mget}, one embedding call for all the texts it stores and one {@code _bulk} per run of
 * memory events (see {@link MemorySearchIndexWriter}). A merge or an access run is applied where it
 * falls between them, keeping the topic order.
 */
@ProcessingGroup(MemorySearchProjection.GROUP)
public class MemorySearchProjection {

  public static final String GROUP = "memory-search";

  /** Where the command side puts the event's place in its aggregate's stream (ADR 0002). */
  static final String AGGREGATE_SEQUENCE_HEADER = "agentos.aggregate-sequence";

  private final MemorySearchIndexWriter writer;
  private final BatchPerUnitOfWork<Object> batch;
  private final Runnable clear;

  /**
   * @param clear recreates the index behind its alias, empty, before a replay
   */
  public MemorySearchProjection(MemorySearchIndexWriter writer, Runnable clear) {
    this.writer = writer;
    this.clear = clear;
    this.batch = new BatchPerUnitOfWork<>(GROUP, this::write);
  }

  /** Axon calls this when the processor's tokens are reset: the replay starts from no documents. */
  @ResetHandler
  void clear() {
    clear.run();
  }

  @EventHandler
  void on(MemoryStored e, EventMessage<?> message) {
    batch.add(new SequencedMemoryEvent(e, sequenceOf(message)));
  }

  @EventHandler
  void on(MemoryUpdated e, EventMessage<?> message) {
    batch.add(new SequencedMemoryEvent(e, sequenceOf(message)));
  }

  @EventHandler
  void on(MemorySuperseded e, EventMessage<?> message) {
    batch.add(new SequencedMemoryEvent(e, sequenceOf(message)));
  }

  @EventHandler
  void on(MemoryDeleted e, EventMessage<?> message) {
    batch.add(new SequencedMemoryEvent(e, sequenceOf(message)));
  }

  @EventHandler
  void on(ContextsMerged e) {
    batch.add(e);
  }

  @EventHandler
  void on(MemoryAccessed e) {
    batch.add(e);
  }

  /**
   * The aggregate sequence from the record's header. A memory event without one cannot be ordered
   * against the document, so it is refused here, alone, and goes to the dead-letter topic.
   */
  static long sequenceOf(EventMessage<?> message) {
    KafkaRecordOrigin origin = KafkaRecordOrigin.of(message);
    byte[] header = origin == null ? null : origin.headers().get(AGGREGATE_SEQUENCE_HEADER);
    String what = origin == null ? "event " + message.getIdentifier() : origin.describe();
    if (header == null) {
      throw new UnprocessableRecordException(
          what + " has no " + AGGREGATE_SEQUENCE_HEADER + " header to order it by");
    }
    String text = new String(header, StandardCharsets.UTF_8);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UnprocessableRecordException(
          what + " has " + AGGREGATE_SEQUENCE_HEADER + " '" + text + "', not a number", e);
    }
  }

  /** Runs of one kind go to the writer together; the runs keep their order. */
  private void write(List<Object> events) {
    List<SequencedMemoryEvent> memoryRun = new ArrayList<>();
    List<MemoryAccessed> accessRun = new ArrayList<>();
    for (Object event : events) {
      if (!(event instanceof SequencedMemoryEvent)) {
        flushMemories(memoryRun);
      }
      if (!(event instanceof MemoryAccessed)) {
        flushAccesses(accessRun);
      }
      if (event instanceof SequencedMemoryEvent memory) {
        memoryRun.add(memory);
      } else if (event instanceof MemoryAccessed access) {
        accessRun.add(access);
      } else if (event instanceof ContextsMerged merged) {
        writer.on(merged);
      } else {
        throw new IllegalStateException("not a search event: " + describe(event));
      }
    }
    flushMemories(memoryRun);
    flushAccesses(accessRun);
  }

  private void flushMemories(List<SequencedMemoryEvent> run) {
    if (!run.isEmpty()) {
      writer.onMemoryEvents(List.copyOf(run));
      run.clear();
    }
  }

  private void flushAccesses(List<MemoryAccessed> run) {
    if (!run.isEmpty()) {
      writer.onAccesses(List.copyOf(run));
      run.clear();
    }
  }

  private static String describe(Object event) {
    return event instanceof SpecificRecord record
        ? record.getSchema().getFullName()
        : event.getClass().getName();
  }
}
