package dev.agentos.projections.memory.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryAccessed;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;

/**
 * Counts reads per memory ({@code memory_access_counts}, a counter) and keeps the last one ({@code
 * memory_access_last}). A memory returned twice by one read counts once.
 *
 * <p>Counters cannot be made idempotent, so the increment happens only when this event's claim is
 * {@link AppliedEvents.Outcome#NEW}: a redelivery never counts twice; a crash between claim and
 * increment loses that one access (at most once), the lesser harm for a ranking weight. Access
 * events are keyed by session, so two sessions' reads of a memory may arrive out of order: the last
 * access is written with the event time as its write timestamp, so the latest read wins whatever
 * the order, and writing it again is harmless.
 */
public final class AccessStatsWriter {

  private final CqlSession session;
  private final AppliedEvents applied;
  private final PreparedStatement increment;
  private final PreparedStatement last;

  public AccessStatsWriter(CqlSession session) {
    this.session = session;
    this.applied = new AppliedEvents(session);
    this.increment =
        session.prepare(
            "UPDATE memory_access_counts SET access_count = access_count + 1"
                + " WHERE tenant_id = ? AND memory_id = ?");
    this.last =
        session.prepare(
            "INSERT INTO memory_access_last (tenant_id, memory_id, last_accessed_at,"
                + " last_access_kind) VALUES (?, ?, ?, ?) USING TIMESTAMP ?");
  }

  public void on(MemoryAccessed e) {
    EventHeader h = e.getHeader();
    AppliedEvents.Claim claim = applied.claim(h.getEventId());
    if (!claim.mustWrite()) {
      return;
    }
    long writeTime = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, h.getOccurredAt());
    for (String memoryId : new LinkedHashSet<>(e.getMemoryIds())) {
      if (claim.outcome() == AppliedEvents.Outcome.NEW) {
        session.execute(increment.bind(h.getTenantId(), memoryId));
      }
      session.execute(
          last.bind(
              h.getTenantId(), memoryId, h.getOccurredAt(), e.getAccessKind().name(), writeTime));
    }
    applied.finish(h.getEventId());
  }
}
