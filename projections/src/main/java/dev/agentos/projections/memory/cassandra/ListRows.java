package dev.agentos.projections.memory.cassandra;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code memory_lists} rows a change of memories needs, grouped per partition. A memory is
 * listed only while ACTIVE and unexpired; its list rows carry a TTL up to {@code expires_at}, so an
 * expired memory drops out of every list without a sweeper (its row by id stays).
 *
 * <p>Rows of one partition go in one unlogged batch: a replay lists hundreds of memories under the
 * same project and context, and one mutation per partition costs Cassandra far less than one per
 * row. Within a change the rows deleted and the rows written never share a key, so the batch's
 * single timestamp cannot make a delete shadow an insert.
 */
final class ListRows {

  // Cassandra's largest TTL (20 years); a later expiry is stored in full on the row by id.
  private static final long MAX_TTL_SECONDS = 630_720_000L;
  // Cassandra refuses batches over 50 KiB (batch_size_fail_threshold); stay well under it.
  private static final int MAX_BATCH_BYTES = 24 * 1024;
  private static final int MAX_BATCH_ROWS = 64;
  private static final int ROW_OVERHEAD_BYTES = 200;

  private final Statements statements;
  private final Map<String, List<Sized>> byPartition = new LinkedHashMap<>();

  private record Sized(BatchableStatement<?> statement, int bytes) {}

  ListRows(Statements statements) {
    this.statements = statements;
  }

  /** Replaces the list rows of {@code before} (may be null) with those of {@code after}. */
  void change(MemoryRow before, MemoryRow after, Instant now) {
    Set<ListKey> kept = new LinkedHashSet<>();
    Integer ttl = after.listed() ? ttlSeconds(after.expiresAt(), now) : null;
    if (ttl != null && ttl >= 0) {
      kept.addAll(ListKey.keysOf(after));
    }
    if (before != null) {
      for (ListKey k : ListKey.keysOf(before)) {
        if (!kept.contains(k)) {
          add(
              before.tenantId(),
              k,
              statements.deleteListed.bind(
                  before.tenantId(),
                  k.scope(),
                  k.scopeId(),
                  k.type(),
                  k.tag(),
                  before.createdAt(),
                  before.memoryId()),
              0);
        }
      }
    }
    for (ListKey k : kept) {
      add(after.tenantId(), k, insert(after, k, ttl), length(after.content()));
    }
  }

  /** The collected rows as unlogged batches, each with {@code timestamp}; then forgets them. */
  List<Statement<?>> drain(WriteClock clock) {
    List<Statement<?>> batches = new ArrayList<>();
    for (List<Sized> partition : byPartition.values()) {
      List<BatchableStatement<?>> chunk = new ArrayList<>();
      int bytes = 0;
      for (Sized row : partition) {
        if (!chunk.isEmpty()
            && (chunk.size() == MAX_BATCH_ROWS || bytes + row.bytes() > MAX_BATCH_BYTES)) {
          batches.add(batch(chunk, clock));
          chunk = new ArrayList<>();
          bytes = 0;
        }
        chunk.add(row.statement());
        bytes += row.bytes();
      }
      if (!chunk.isEmpty()) {
        batches.add(batch(chunk, clock));
      }
    }
    byPartition.clear();
    return batches;
  }

  private static Statement<?> batch(List<BatchableStatement<?>> rows, WriteClock clock) {
    Statement<?> statement =
        rows.size() == 1
            ? (Statement<?>) rows.get(0)
            : BatchStatement.newInstance(DefaultBatchType.UNLOGGED, rows);
    return statement.setQueryTimestamp(clock.next());
  }

  private BatchableStatement<?> insert(MemoryRow m, ListKey k, int ttl) {
    return statements.insertListed.bind(
        m.tenantId(),
        k.scope(),
        k.scopeId(),
        k.type(),
        k.tag(),
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

  private void add(String tenantId, ListKey key, BatchableStatement<?> statement, int bytes) {
    String partition =
        String.join("\u0000", tenantId, key.scope(), key.scopeId(), key.type(), key.tag());
    byPartition
        .computeIfAbsent(partition, p -> new ArrayList<>())
        .add(new Sized(statement, ROW_OVERHEAD_BYTES + bytes));
  }

  private static int length(String text) {
    return text == null ? 0 : text.length() * 3; // UTF-8 upper bound
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
