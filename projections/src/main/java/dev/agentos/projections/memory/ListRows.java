package dev.agentos.projections.memory;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import dev.agentos.readmodels.memory.ListKey;
import dev.agentos.readmodels.memory.MemoryRow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code memories_by_scope} rows a change of memories needs, grouped per partition: one row in
 * the memory's project and one in its context ({@link ListKey#scopesOf}). A memory is listed only
 * while ACTIVE and unexpired; its list rows carry a TTL up to {@code expires_at}, so an expired
 * memory drops out of every list without a sweeper (its row by id stays).
 *
 * <p>A new type, tags or content overwrite the row in place (every column is written, the tags as a
 * whole set), and the storage-attached indexes check each hit against the row as it now is, so the
 * memory leaves the old type's and tags' lists with no delete. A row is deleted when the memory
 * stops being listed or moves to another project or context.
 *
 * <p>Rows of one partition share an unlogged batch ({@link PartitionBatches}): within a change the
 * rows deleted and the rows written never share a key, so the batch's single timestamp cannot make
 * a delete shadow an insert.
 */
final class ListRows {

  // Cassandra's largest TTL (20 years); a later expiry is stored in full on the row by id.
  private static final long MAX_TTL_SECONDS = 630_720_000L;

  private final Statements statements;
  private final PartitionBatches batches;

  ListRows(Statements statements, PartitionBatches batches) {
    this.statements = statements;
    this.batches = batches;
  }

  /** Replaces the list rows of {@code before} (may be null) with those of {@code after}. */
  void change(MemoryRow before, MemoryRow after, Instant now) {
    Set<ListKey> kept = new LinkedHashSet<>();
    Integer ttl = after.listed() ? ttlSeconds(after.expiresAt(), now) : null;
    if (ttl != null && ttl >= 0) {
      kept.addAll(ListKey.scopesOf(after));
    }
    if (before != null) {
      for (ListKey k : ListKey.scopesOf(before)) {
        if (!kept.contains(k)) {
          batches.add(
              statements.deleteListed.bind(
                  before.tenantId(), k.scope(), k.scopeId(), before.createdAt(), before.memoryId()),
              0);
        }
      }
    }
    for (ListKey k : kept) {
      batches.add(insert(after, k, ttl), after.content() == null ? 0 : after.content().length());
    }
  }

  private BoundStatement insert(MemoryRow m, ListKey k, int ttl) {
    return statements.insertListed.bind(
        m.tenantId(),
        k.scope(),
        k.scopeId(),
        m.createdAt(),
        m.memoryId(),
        m.projectId(),
        m.contextId(),
        m.agentId(),
        m.sessionId(),
        m.type(),
        m.content(),
        m.tags(),
        m.confidence(),
        m.updatedAt(),
        m.expiresAt(),
        ttl);
  }

  /** 0 (no TTL) when the memory does not expire, -1 when it already has. */
  static int ttlSeconds(Instant expiresAt, Instant now) {
    if (expiresAt == null) {
      return 0;
    }
    long millis = Duration.between(now, expiresAt).toMillis();
    if (millis <= 0) {
      return -1;
    }
    return (int) Math.min(MAX_TTL_SECONDS, (millis + 999) / 1000);
  }
}
