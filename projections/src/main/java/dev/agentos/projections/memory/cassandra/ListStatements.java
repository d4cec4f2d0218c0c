package dev.agentos.projections.memory.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The two slices a list page reads from one {@code memories_by_scope} partition, prepared for each
 * filter a {@link ListKey} can carry: none, type, tag, or both. The filters are restrictions on the
 * storage-attached indexes ({@code memory_type = ?}, {@code tags CONTAINS ?}), which Cassandra 5
 * answers within the restricted partition, in its clustering order, without {@code ALLOW FILTERING}
 * (ADR 0005); an absent filter is left out of the statement rather than bound to a wildcard, which
 * CQL does not have.
 */
final class ListStatements {

  private static final String PARTITION =
      "SELECT * FROM memories_by_scope WHERE tenant_id = ? AND scope = ? AND scope_id = ?";
  private static final String BY_TYPE = " AND memory_type = ?";
  private static final String BY_TAG = " AND tags CONTAINS ?";

  // Indexed by filters(key): 0 none, 1 type, 2 tag, 3 both.
  private final PreparedStatement[] slices = new PreparedStatement[4];
  private final PreparedStatement[] ties = new PreparedStatement[4];

  ListStatements(CqlSession session) {
    for (int filters = 0; filters < 4; filters++) {
      String where =
          PARTITION + ((filters & 1) != 0 ? BY_TYPE : "") + ((filters & 2) != 0 ? BY_TAG : "");
      slices[filters] = session.prepare(where + " AND created_at >= ? AND created_at < ? LIMIT ?");
      ties[filters] = session.prepare(where + " AND created_at = ? AND memory_id > ? LIMIT ?");
    }
  }

  /** Rows created in [{@code from}, {@code to}), newest first, at most {@code limit}. */
  BoundStatement slice(String tenantId, ListKey key, Instant from, Instant to, int limit) {
    List<Object> values = partitionAndFilters(tenantId, key);
    values.add(from);
    values.add(to);
    values.add(limit);
    return slices[filters(key)].bind(values.toArray());
  }

  /** Rows created at {@code createdAt} with an id after {@code afterId}, at most {@code limit}. */
  BoundStatement ties(String tenantId, ListKey key, Instant createdAt, String afterId, int limit) {
    List<Object> values = partitionAndFilters(tenantId, key);
    values.add(createdAt);
    values.add(afterId);
    values.add(limit);
    return ties[filters(key)].bind(values.toArray());
  }

  private static int filters(ListKey key) {
    return (key.type() != null ? 1 : 0) | (key.tag() != null ? 2 : 0);
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
