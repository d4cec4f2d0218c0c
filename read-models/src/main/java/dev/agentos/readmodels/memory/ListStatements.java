package dev.agentos.readmodels.memory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The two slices a list page reads from one {@code memories_by_scope} partition, for each filter a
 * {@link ListKey} can carry: none, type, tag, or both. The filters are restrictions on the
 * storage-attached indexes ({@code memory_type = ?}, {@code tags CONTAINS ?}), which Cassandra 5
 * answers within the restricted partition, in its clustering order, without {@code ALLOW FILTERING}
 * (ADR 0005); an absent filter is left out of the statement rather than bound to a wildcard, which
 * CQL does not have.
 *
 * <p>The unfiltered statements are prepared at once, the filtered ones when first used: a rebuild
 * drops the indexes (ADR 0007), and Cassandra refuses to prepare a filter on a missing index, which
 * must fail that list, not the start of the application reading it. The driver caches what it
 * prepared, by text, and forgets a failed preparation, so the next request tries again.
 */
final class ListStatements {

  private static final String PARTITION =
      "SELECT * FROM memories_by_scope WHERE tenant_id = ? AND scope = ? AND scope_id = ?";
  private static final String BY_TYPE = " AND memory_type = ?";
  private static final String BY_TAG = " AND tags CONTAINS ?";
  private static final String SLICE = " AND created_at >= ? AND created_at < ? LIMIT ?";
  private static final String TIES = " AND created_at = ? AND memory_id > ? LIMIT ?";

  private final CqlSession session;
  private final PreparedStatement unfilteredSlice;
  private final PreparedStatement unfilteredTies;

  ListStatements(CqlSession session) {
    this.session = session;
    this.unfilteredSlice = session.prepare(PARTITION + SLICE);
    this.unfilteredTies = session.prepare(PARTITION + TIES);
  }

  /** Rows created in [{@code from}, {@code to}), newest first, at most {@code limit}. */
  BoundStatement slice(String tenantId, ListKey key, Instant from, Instant to, int limit) {
    List<Object> values = partitionAndFilters(tenantId, key);
    values.add(from);
    values.add(to);
    values.add(limit);
    return statement(key, unfilteredSlice, SLICE).bind(values.toArray());
  }

  /** Rows created at {@code createdAt} with an id after {@code afterId}, at most {@code limit}. */
  BoundStatement ties(String tenantId, ListKey key, Instant createdAt, String afterId, int limit) {
    List<Object> values = partitionAndFilters(tenantId, key);
    values.add(createdAt);
    values.add(afterId);
    values.add(limit);
    return statement(key, unfilteredTies, TIES).bind(values.toArray());
  }

  /** Whether {@code key} narrows its partition through the storage-attached indexes. */
  static boolean filtered(ListKey key) {
    return key.type() != null || key.tag() != null;
  }

  private PreparedStatement statement(ListKey key, PreparedStatement unfiltered, String range) {
    if (!filtered(key)) {
      return unfiltered;
    }
    return session.prepare(
        PARTITION
            + (key.type() != null ? BY_TYPE : "")
            + (key.tag() != null ? BY_TAG : "")
            + range);
  }

  private static List<Object> partitionAndFilters(String tenantId, ListKey key) {
    List<Object> values = new ArrayList<>(8);
    values.add(tenantId);
    values.add(key.scope());
    values.add(key.scopeId());
    if (key.type() != null) {
      values.add(key.type());
    }
    if (key.tag() != null) {
      values.add(key.tag());
    }
    return values;
  }
}
