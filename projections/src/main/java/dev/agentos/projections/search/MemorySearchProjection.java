package dev.agentos.projections.search;

import dev.agentos.events.memory.ContextsMerged;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.projections.source.AggregateSequence;
import dev.agentos.projections.source.BatchPerUnitOfWork;
import dev.agentos.projections.source.BatchWriter;
import dev.agentos.projections.source.Refusal;
import dev.agentos.projections.source.RefusedRecords;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The processing group {@value #GROUP}: memory and context-merge events into the memory search
 * index. Events are collected per processor batch and written together, so a batch costs one {@code
 * _mget}, one embedding call for all the texts it stores and one {@code _bulk} per run of memory
 * events (see {@link MemorySearchIndexWriter}). A merge is applied where it falls between them,
 * keeping the topic order. Reads ({@code MemoryAccessed}) are counted by the Cassandra read model,
 * not here: counting them in a document would index its vector again at every read.
 */
@ProcessingGroup(MemorySearchProjection.GROUP)
public class MemorySearchProjection {

  public static final String GROUP = "memory-search";

  /**
   * How recently a memory stored outside a replay counts as live. Longer than a processor lags
   * behind when it keeps up, far shorter than the age of what a rebuild reads.
   */
  static final Duration LIVE_WITHIN = Duration.ofSeconds(30);

  private final MemorySearchIndexWriter writer;
  private final BatchPerUnitOfWork<Object> batch;
  private final Runnable clear;
  private final Clock clock;

  /**
   * @param clear recreates the index behind its alias, empty, before a replay
   * @param refused sets aside the records of events whose documents the index refuses for good
   */
  public MemorySearchProjection(
      MemorySearchIndexWriter writer, Runnable clear, RefusedRecords refused) {
    this(writer, clear, refused, Clock.systemUTC());
  }

  MemorySearchProjection(
      MemorySearchIndexWriter writer, Runnable clear, RefusedRecords refused, Clock clock) {
    this.writer = writer;
    this.clear = clear;
    this.clock = clock;
    this.batch = new BatchPerUnitOfWork<>(GROUP, this::write, refused);
  }

  /** Axon calls this when the processor's tokens are reset: the replay starts from no documents. */
  @ResetHandler
  void clear() {
    clear.run();
  }

  @EventHandler
  void on(MemoryStored e, EventMessage<?> message, ReplayStatus replay) {
    batch.add(new SequencedMemoryEvent(e, AggregateSequence.of(message), isLive(e, replay)));
  }

  @EventHandler
  void on(MemoryUpdated e, EventMessage<?> message) {
    batch.add(new SequencedMemoryEvent(e, AggregateSequence.of(message)));
  }

  @EventHandler
  void on(MemorySuperseded e, EventMessage<?> message) {
    batch.add(new SequencedMemoryEvent(e, AggregateSequence.of(message)));
  }

  @EventHandler
  void on(MemoryDeleted e, EventMessage<?> message) {
    batch.add(new SequencedMemoryEvent(e, AggregateSequence.of(message)));
  }

  @EventHandler
  void on(ContextsMerged e) {
    batch.add(e);
  }

  /**
   * Whether {@code e} is being read as it happens: not in a replay (Axon's reset) and stored within
   * {@link #LIVE_WITHIN}, which also tells a read model rebuilt under a new processor name from
   * live traffic. Only an optimisation rides on it (the cache lookup a new text would miss), so a
   * wrong answer costs an embedding or a lookup, never a wrong document.
   */
  boolean isLive(MemoryStored e, ReplayStatus replay) {
    return replay == ReplayStatus.REGULAR
        && e.getHeader().getOccurredAt().isAfter(clock.instant().minus(LIVE_WITHIN));
  }

  /**
   * Runs of one kind go to the writer together; the runs keep their order. Answers what the index
   * refused for good.
   */
  private List<Refusal<Object>> write(List<Object> events) {
    List<Refusal<?>> refused = new ArrayList<>();
    List<SequencedMemoryEvent> memoryRun = new ArrayList<>();
    for (Object event : events) {
      if (!(event instanceof SequencedMemoryEvent)) {
        refused.addAll(flushMemories(memoryRun));
      }
      if (event instanceof SequencedMemoryEvent memory) {
        memoryRun.add(memory);
      } else if (event instanceof ContextsMerged merged) {
        refused.addAll(writer.on(merged));
      } else {
        throw new IllegalStateException("not a search event: " + describe(event));
      }
    }
    refused.addAll(flushMemories(memoryRun));
    return refused.stream()
        .map(r -> new Refusal<Object>(r.item(), r.reason(), r.errorClass()))
        .toList();
  }

  private List<Refusal<SequencedMemoryEvent>> flushMemories(List<SequencedMemoryEvent> run) {
    return flush(run, writer::onMemoryEvents);
  }

  /** Writes a run, if any, and empties it. */
  private static <T> List<Refusal<T>> flush(List<T> run, BatchWriter<T> write) {
    if (run.isEmpty()) {
      return List.of();
    }
    List<Refusal<T>> refused = write.write(List.copyOf(run));
    run.clear();
    return refused;
  }

  private static String describe(Object event) {
    return event instanceof SpecificRecord record
        ? record.getSchema().getFullName()
        : event.getClass().getName();
  }
}
