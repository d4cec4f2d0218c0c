package dev.agentos.readmodels.memory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.agentos.readmodels.context.ContextView;
import dev.agentos.readmodels.context.SessionContext;
import dev.agentos.readmodels.paging.Cursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reads the query side needs from the memory read models, each one partition: every method
 * takes the caller's tenant, which is the first part of every key, so no read crosses tenants.
 */
public final class MemoryReadModelQueries {

  private static final Instant BEGINNING = Instant.ofEpochMilli(Long.MIN_VALUE);
  private static final Instant END = Instant.ofEpochMilli(Long.MAX_VALUE);

  private final CqlSession session;
  private final MemoryTables memories;
  private final ListStatements lists;
  private final PreparedStatement out;
  private final PreparedStatement in;
  private final PreparedStatement context;
  private final PreparedStatement members;
  private final PreparedStatement sessionContext;
  private final PreparedStatement accessCount;
  private final PreparedStatement accessLast;

  public MemoryReadModelQueries(CqlSession session) {
    this.session = session;
    this.memories = new MemoryTables(session);
    this.lists = new ListStatements(session);
    this.out = session.prepare(byMemory("relations_out"));
    this.in = session.prepare(byMemory("relations_in"));
    this.context = session.prepare("SELECT * FROM contexts WHERE tenant_id = ? AND context_id = ?");
    this.members =
        session.prepare("SELECT * FROM context_members WHERE tenant_id = ? AND context_id = ?");
    this.sessionContext =
        session.prepare("SELECT * FROM session_contexts WHERE tenant_id = ? AND session_id = ?");
    this.accessCount = session.prepare(byMemory("memory_access_tallies"));
    this.accessLast = session.prepare(byMemory("memory_access_last"));
  }

  /** The memory in any state (ACTIVE, SUPERSEDED, DELETED); empty if it never existed. */
  public Optional<MemoryRow> memory(String tenantId, String memoryId) {
    return memories.read(tenantId, memoryId);
  }

  /**
   * Live memories under {@code key}, newest first (ties by id), created in [{@code from}, {@code
   * to}) (either may be null), {@code pageSize} at a time; {@code cursor} is a previous page's
   * {@code nextCursor}, or null for the first page.
   *
   * <p>Paging is by position, not by Cassandra's paging state: the cursor is the {@link Cursor}
   * (created_at, memory_id) of the last row returned, so it stays valid across restarts and driver
   * versions, can be checked before any read, and a caller that filters rows further can resume
   * after any row it saw. Rows after a position are those with the same created_at and a greater
   * id, then those created earlier: two slices of the one partition. A type or tag narrows both
   * slices through the table's storage-attached indexes, which keep the partition's order.
   *
   * @throws dev.agentos.readmodels.paging.InvalidCursorException if {@code cursor} is not one this
   *     method handed out
   * @throws ListFiltersUnavailableException if {@code key} has a type or tag and the indexes behind
   *     them are being rebuilt
   */
  public Page<ListedMemory> list(
      String tenantId, ListKey key, Instant from, Instant to, int pageSize, String cursor) {
    try {
      return listPage(tenantId, key, from, to, pageSize, cursor);
    } catch (RuntimeException e) {
      if (!ListStatements.filtered(key)) {
        throw e;
      }
      throw ListFiltersUnavailableException.of(e).orElseThrow(() -> e);
    }
  }

  private Page<ListedMemory> listPage(
      String tenantId, ListKey key, Instant from, Instant to, int pageSize, String cursor) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
    }
    Instant lower = from == null ? BEGINNING : from;
    Instant upper = to == null ? END : to;
    Cursor after = cursor == null ? null : Cursor.decode(cursor);
    // One row more than asked tells whether another page follows.
    int wanted = pageSize + 1;
    List<ListedMemory> rows = new ArrayList<>(wanted);
    if (after != null) {
      Instant tie = Instant.ofEpochMilli(after.sortValue());
      if (!tie.isBefore(lower) && tie.isBefore(upper)) {
        read(lists.ties(tenantId, key, tie, after.tieBreakerId(), wanted), rows);
      }
      if (tie.isBefore(upper)) {
        upper = tie;
      }
    }
    if (rows.size() < wanted && lower.isBefore(upper)) {
      read(lists.slice(tenantId, key, lower, upper, wanted - rows.size()), rows);
    }
    if (rows.size() <= pageSize) {
      return new Page<>(rows, null);
    }
    List<ListedMemory> page = List.copyOf(rows.subList(0, pageSize));
    return new Page<>(page, positionOf(page.get(pageSize - 1)).encode());
  }

  /** Where a list continues after {@code memory}: what {@code nextCursor} encodes. */
  public static Cursor positionOf(ListedMemory memory) {
    return new Cursor(memory.createdAt().toEpochMilli(), memory.memoryId());
  }

  public List<Relation> relationsOut(String tenantId, String memoryId) {
    return relations(out, tenantId, memoryId);
  }

  public List<Relation> relationsIn(String tenantId, String memoryId) {
    return relations(in, tenantId, memoryId);
  }

  public Optional<ContextView> context(String tenantId, String contextId) {
    Row c = session.execute(context.bind(tenantId, contextId)).one();
    if (c == null) {
      return Optional.empty();
    }
    List<ContextView.Member> list = new ArrayList<>();
    for (Row m : session.execute(members.bind(tenantId, contextId))) {
      list.add(
          new ContextView.Member(
              m.getString("memory_id"), m.getInstant("added_at"), m.getString("collapsed_into")));
    }
    return Optional.of(
        new ContextView(
            contextId,
            c.getString("project_id"),
            c.getString("name"),
            c.getString("description"),
            c.getString("parent_context_id"),
            c.getSet("tags", String.class),
            c.getString("state"),
            c.getString("merged_into"),
            c.getInstant("created_at"),
            list));
  }

  public Optional<SessionContext> activeContext(String tenantId, String sessionId) {
    return Optional.ofNullable(session.execute(sessionContext.bind(tenantId, sessionId)).one())
        .map(
            r ->
                new SessionContext(
                    sessionId,
                    r.getString("context_id"),
                    r.getString("previous_context_id"),
                    r.getInstant("switched_at")));
  }

  public AccessStats accessStats(String tenantId, String memoryId) {
    long count = 0;
    for (Row tally : session.execute(accessCount.bind(tenantId, memoryId))) {
      count += tally.getLong("access_count"); // one row per reader, see AccessEvents
    }
    Row last = session.execute(accessLast.bind(tenantId, memoryId)).one();
    return new AccessStats(
        count,
        last == null ? null : last.getInstant("last_accessed_at"),
        last == null ? null : last.getString("last_access_kind"));
  }

  /**
   * How often each of {@code memoryIds} was read, as {@link #accessStats} counts (0 for a memory
   * never read). All partitions are asked at once (no multi-partition {@code IN}, which would make
   * one coordinator wait for them all), so a search pays one round trip for its candidates.
   */
  public CompletableFuture<Map<String, Long>> accessCounts(
      String tenantId, Collection<String> memoryIds) {
    Map<String, Long> counts = new ConcurrentHashMap<>();
    List<CompletableFuture<Void>> reads = new ArrayList<>();
    for (String id : new LinkedHashSet<>(memoryIds)) {
      reads.add(
          session
              .executeAsync(accessCount.bind(tenantId, id))
              .thenCompose(page -> sum(page, 0))
              .thenAccept(count -> counts.put(id, count))
              .toCompletableFuture());
    }
    return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
        .thenApply(done -> Map.copyOf(counts));
  }

  /** The tallies of a partition's readers added up, page after page. */
  private static CompletionStage<Long> sum(AsyncResultSet page, long before) {
    long count = before;
    for (Row tally : page.currentPage()) {
      count += tally.getLong("access_count"); // one row per reader, see AccessEvents
    }
    if (!page.hasMorePages()) {
      return CompletableFuture.completedFuture(count);
    }
    long sofar = count;
    return page.fetchNextPage().thenCompose(next -> sum(next, sofar));
  }

  private List<Relation> relations(PreparedStatement statement, String tenantId, String memoryId) {
    List<Relation> result = new ArrayList<>();
    for (Row r : session.execute(statement.bind(tenantId, memoryId))) {
      result.add(
          new Relation(
              r.getString("relation_id"),
              memoryId,
              r.getString("other_memory_id"),
              r.getString("relation_type"),
              r.getFloat("strength"),
              r.getInstant("created_at")));
    }
    return result;
  }

  private void read(BoundStatement statement, List<ListedMemory> into) {
    for (Row r : session.execute(statement)) {
      into.add(
          new ListedMemory(
              r.getString("memory_id"),
              r.getString("project_id"),
              r.getString("context_id"),
              r.getString("agent_id"),
              r.getString("session_id"),
              r.getString("memory_type"),
              r.getString("content"),
              r.getSet("tags", String.class),
              r.getFloat("confidence"),
              r.getInstant("created_at"),
              r.getInstant("updated_at"),
              r.getInstant("expires_at")));
    }
  }

  private static String byMemory(String table) {
    return "SELECT * FROM " + table + " WHERE tenant_id = ? AND memory_id = ?";
  }
}
