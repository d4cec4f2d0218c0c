package dev.agentos.readmodels.executions;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.agentos.readmodels.memory.Page;
import dev.agentos.readmodels.paging.Cursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A session's items newest first, from an index table keyed {@code ((tenant_id, project_id,
 * session_id), <time>, <id>)} in (time DESC, id ASC) order, each entry answered from its item's own
 * partition. The index is written by one event of each item (an execution's request, a suggestion's
 * proposal); an entry whose item no longer says it is listed there, at that time, is skipped, so an
 * item is listed once, where its winning event puts it.
 *
 * <p>Paged by position, as the anomaly lists are: the cursor is a {@link Cursor} of the last item
 * answered, its time in epoch milliseconds and its id. A page reads at most limit + 1 entries, more
 * only when it skips some, and their items concurrently.
 *
 * @param <T> what an item's partition is read as; null when it holds nothing
 */
public final class SessionIndex<T> {

  /** Where an item says it is listed: its session and the time of the event that indexed it. */
  public record Entry(String sessionId, Instant at) {}

  /** Binds the read of one item's partition. */
  @FunctionalInterface
  public interface ItemRead {
    BoundStatement bind(String tenantId, String projectId, String id);
  }

  private record Listed(Instant at, String id) {}

  private final CqlSession session;
  private final String timeColumn;
  private final String idColumn;
  private final PreparedStatement first;
  private final PreparedStatement ties;
  private final PreparedStatement older;
  private final ItemRead read;
  private final Function<Iterable<Row>, T> item;
  private final Function<T, Entry> listedAt;

  /**
   * @param table the index table, of the keyspace {@code session} is on
   * @param item reads an item's partition; null when it holds nothing
   * @param listedAt where an item says it is listed; null where it is in no list yet
   */
  public SessionIndex(
      CqlSession session,
      String table,
      String timeColumn,
      String idColumn,
      ItemRead read,
      Function<Iterable<Row>, T> item,
      Function<T, Entry> listedAt) {
    this.session = session;
    this.timeColumn = timeColumn;
    this.idColumn = idColumn;
    this.read = read;
    this.item = item;
    this.listedAt = listedAt;
    String partition =
        "SELECT "
            + timeColumn
            + ", "
            + idColumn
            + " FROM "
            + table
            + " WHERE tenant_id = ? AND project_id = ? AND session_id = ?";
    this.first = session.prepare(partition + " LIMIT ?");
    this.ties =
        session.prepare(partition + " AND " + timeColumn + " = ? AND " + idColumn + " > ? LIMIT ?");
    this.older = session.prepare(partition + " AND " + timeColumn + " < ? LIMIT ?");
  }

  /**
   * The session's items, {@code limit} at a time; {@code cursor} is a previous page's {@code
   * nextCursor}, or null for the first page.
   *
   * @throws dev.agentos.readmodels.paging.InvalidCursorException if {@code cursor} is not one this
   *     index handed out
   */
  public Page<T> page(
      String tenantId, String projectId, String sessionId, int limit, String cursor) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    Cursor after = cursor == null ? null : Cursor.decode(cursor);
    Listed position =
        after == null
            ? null
            : new Listed(Instant.ofEpochMilli(after.sortValue()), after.tieBreakerId());
    // One item more than asked tells whether another page follows.
    int wanted = limit + 1;
    List<T> items = new ArrayList<>(wanted);
    List<Listed> positions = new ArrayList<>(wanted);
    while (items.size() < wanted) {
      int asked = wanted - items.size();
      List<Listed> entries = entries(tenantId, projectId, sessionId, position, asked);
      List<T> read = items(tenantId, projectId, entries);
      for (int i = 0; i < entries.size(); i++) {
        T found = read.get(i);
        Listed entry = entries.get(i);
        if (found != null
            && new Entry(sessionId, entry.at()).equals(listedAt.apply(found))
            && items.size() < wanted) {
          items.add(found);
          positions.add(entry);
        }
      }
      if (entries.size() < asked) {
        break;
      }
      position = entries.get(entries.size() - 1);
    }
    if (items.size() <= limit) {
      return new Page<>(items, null);
    }
    Listed last = positions.get(limit - 1);
    return new Page<>(
        List.copyOf(items.subList(0, limit)),
        new Cursor(last.at().toEpochMilli(), last.id()).encode());
  }

  /** Up to {@code n} entries after {@code position} (null: from the newest). */
  private List<Listed> entries(
      String tenantId, String projectId, String sessionId, Listed position, int n) {
    List<Listed> entries = new ArrayList<>(n);
    if (position == null) {
      collect(first.bind(tenantId, projectId, sessionId, n), entries);
      return entries;
    }
    collect(ties.bind(tenantId, projectId, sessionId, position.at(), position.id(), n), entries);
    if (entries.size() < n) {
      collect(
          older.bind(tenantId, projectId, sessionId, position.at(), n - entries.size()), entries);
    }
    return entries;
  }

  private void collect(BoundStatement statement, List<Listed> into) {
    for (Row row : session.execute(statement)) {
      into.add(new Listed(row.getInstant(timeColumn), row.getString(idColumn)));
    }
  }

  /** The entries' items, read concurrently, in the entries' order; null where none is stored. */
  private List<T> items(String tenantId, String projectId, List<Listed> entries) {
    List<CompletableFuture<T>> reads =
        entries.stream()
            .map(
                entry ->
                    session
                        .executeAsync(read.bind(tenantId, projectId, entry.id()))
                        .thenApply(AsyncResultSet::currentPage)
                        .thenApply(item)
                        .toCompletableFuture())
            .toList();
    try {
      CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    // Stream.toList keeps the nulls of entries whose item is gone.
    return reads.stream().map(CompletableFuture::join).toList();
  }
}
