package dev.agentos.projections.memory;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryRelationAdded;
import dev.agentos.events.memory.MemoryRelationRemoved;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.readmodels.memory.MemoryRow;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the memory aggregate's events (lifecycle and relations) to a {@link Batch}: {@code
 * memories_by_id}, its list rows, {@code context_members} and both relation tables.
 *
 * <p>Idempotent by the aggregate sequence: a memory row keeps the sequence of the last event
 * applied as its {@code version}, and an event not newer is a redelivery and changes nothing.
 * Events of one memory arrive in order (the topic is keyed by memory id, one segment per key), so
 * this needs no lightweight transaction. Relation events belong to their source memory's aggregate
 * and advance its version too.
 */
final class MemoryEvents {

  private static final Logger log = LoggerFactory.getLogger(MemoryEvents.class);

  private final Statements statements;

  MemoryEvents(Statements statements) {
    this.statements = statements;
  }

  void stored(Batch batch, MemoryStored e, long sequence) {
    EventHeader h = e.getHeader();
    if (batch.memory(h.getTenantId(), e.getMemoryId()).isPresent()) {
      return; // stored before: this is a redelivery
    }
    MemoryRow row = MemoryRows.stored(e, sequence);
    batch.put(row);
    batch.addToPartition(
        statements.addMember.bind(
            h.getTenantId(), row.contextId(), row.memoryId(), h.getOccurredAt(), null));
  }

  void updated(Batch batch, MemoryUpdated e, long sequence) {
    change(
        batch, e.getHeader(), e.getMemoryId(), sequence, r -> MemoryRows.updated(r, e, sequence));
  }

  void superseded(Batch batch, MemorySuperseded e, long sequence) {
    change(
        batch,
        e.getHeader(),
        e.getMemoryId(),
        sequence,
        r -> MemoryRows.superseded(r, e, sequence));
  }

  /** A forgotten memory also leaves its context's members. */
  void deleted(Batch batch, MemoryDeleted e, long sequence) {
    change(batch, e.getHeader(), e.getMemoryId(), sequence, r -> MemoryRows.deleted(r, e, sequence))
        .ifPresent(
            row ->
                batch.addToPartition(
                    statements.removeMember.bind(row.tenantId(), row.contextId(), row.memoryId())));
  }

  void related(Batch batch, MemoryRelationAdded e, long sequence) {
    EventHeader h = e.getHeader();
    if (!advance(batch, h, e.getFromMemoryId(), sequence)) {
      return;
    }
    String type = e.getRelationType().name();
    String t = h.getTenantId();
    batch.addToPartition(
        statements.insertRelationOut.bind(
            t,
            e.getFromMemoryId(),
            e.getRelationId(),
            e.getToMemoryId(),
            type,
            e.getStrength(),
            h.getOccurredAt()));
    batch.addToPartition(
        statements.insertRelationIn.bind(
            t,
            e.getToMemoryId(),
            e.getRelationId(),
            e.getFromMemoryId(),
            type,
            e.getStrength(),
            h.getOccurredAt()));
  }

  void unrelated(Batch batch, MemoryRelationRemoved e, long sequence) {
    EventHeader h = e.getHeader();
    if (!advance(batch, h, e.getFromMemoryId(), sequence)) {
      return;
    }
    batch.addToPartition(
        statements.deleteRelationOut.bind(h.getTenantId(), e.getFromMemoryId(), e.getRelationId()));
    batch.addToPartition(
        statements.deleteRelationIn.bind(h.getTenantId(), e.getToMemoryId(), e.getRelationId()));
  }

  /**
   * Moves the source memory to {@code sequence}; false if it is there already (a redelivery). A
   * relation of a memory the read model does not know is written all the same, without a version:
   * its rows are upserts and deletes applied in order, which a redelivery repeats harmlessly.
   */
  private static boolean advance(Batch batch, EventHeader h, String memoryId, long sequence) {
    Optional<MemoryRow> from = batch.memory(h.getTenantId(), memoryId);
    if (from.isPresent() && sequence <= from.get().version()) {
      return false;
    }
    from.ifPresent(row -> batch.put(MemoryRows.withVersion(row, sequence)));
    return true;
  }

  /** The memory after the event, or empty if it was applied before or the memory is unknown. */
  private static Optional<MemoryRow> change(
      Batch batch, EventHeader h, String memoryId, long sequence, UnaryOperator<MemoryRow> next) {
    Optional<MemoryRow> before = batch.memory(h.getTenantId(), memoryId);
    if (before.isEmpty()) {
      // Events of a memory share its partition, so its store came first unless it was lost or
      // set aside as a dead letter: there is nothing to change.
      log.warn(
          "event {} changes memory {} of tenant {}, which the read model does not hold; skipped",
          h.getEventId(),
          memoryId,
          h.getTenantId());
      return Optional.empty();
    }
    if (sequence <= before.get().version()) {
      return Optional.empty();
    }
    MemoryRow after = next.apply(before.get());
    batch.put(after);
    return Optional.of(after);
  }
}
