package dev.agentos.projections.memory;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryAccessed;
import java.util.LinkedHashSet;

/**
 * Counts reads per memory and keeps the last one, from {@code MemoryAccessed} events. A memory
 * returned twice by one read counts once.
 *
 * <p>Once per event id without a lightweight transaction: the count is kept per memory and per
 * reader (the record key the processor sequences by, so one thread writes a tally), with the ids of
 * the last events it counted ({@link Batch.Tally}), in one row written at once. A memory's count is
 * the sum over its readers ({@link MemoryReadModelQueries}). The last access is written at its
 * event's time: reads of several sessions arrive in any order, and the latest still wins.
 */
final class AccessEvents {

  private final Statements statements;

  AccessEvents(Statements statements) {
    this.statements = statements;
  }

  void accessed(Batch batch, MemoryAccessed e, ReadModelEvent position) {
    EventHeader h = e.getHeader();
    for (String memoryId : new LinkedHashSet<>(e.getMemoryIds())) {
      Batch.TallyKey key = new Batch.TallyKey(h.getTenantId(), memoryId, position.reader());
      Batch.Tally tally = batch.tally(key);
      if (tally.counted(h.getEventId())) {
        continue;
      }
      batch.put(key, tally.plusOne(h.getEventId()));
      batch.addAtEventTime(
          Batch.Stage.DEPENDENTS,
          statements.lastAccess.bind(
              h.getTenantId(), memoryId, h.getOccurredAt(), e.getAccessKind().name()),
          h.getOccurredAt());
    }
  }
}
