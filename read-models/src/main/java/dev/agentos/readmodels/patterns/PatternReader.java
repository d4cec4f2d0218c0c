package dev.agentos.readmodels.patterns;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.TupleValue;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.readmodels.memory.Page;
import dev.agentos.readmodels.paging.Cursor;
import dev.agentos.readmodels.paging.InvalidCursorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A project's patterns from {@value PatternSchema#TABLE}, each read one partition: the tenant's and
 * project's own, so another tenant's or project's pattern is absent here exactly as an unknown id
 * is.
 *
 * <p>Lists are in pattern id order (the table's clustering order) and paged by position, as memory
 * lists are: the cursor is a {@link Cursor} whose id is the last pattern returned and whose sort
 * value is always {@value #SORT_VALUE} (the order has no other key), so the next page is the rows
 * with a greater id. Kind, status, language and since narrow the partition through the table's
 * storage-attached indexes, which keep its order, so a page is one read of at most limit + 1 rows.
 */
public final class PatternReader {

  /** The sort value of every patterns cursor: the id alone orders the list. */
  static final long SORT_VALUE = 0;

  private static final String PARTITION =
      "SELECT * FROM " + PatternSchema.TABLE + " WHERE tenant_id = ? AND project_id = ?";

  private final CqlSession session;
  private final PreparedStatement byId;

  /**
   * @param session a session on the read models' keyspace, where the table exists
   */
  public PatternReader(CqlSession session) {
    this.session = session;
    this.byId = session.prepare(PARTITION + " AND pattern_id = ?");
  }

  /** The pattern of this id in the tenant's project; empty for any other. */
  public Optional<Pattern> pattern(String tenantId, String projectId, String patternId) {
    return Optional.ofNullable(session.execute(byId.bind(tenantId, projectId, patternId)).one())
        .map(PatternReader::toPattern);
  }

  /**
   * The project's patterns that pass {@code filter}, in id order, {@code limit} at a time; {@code
   * cursor} is a previous page's {@code nextCursor}, or null for the first page.
   *
   * @throws InvalidCursorException if {@code cursor} is not one this method handed out
   */
  public Page<Pattern> list(
      String tenantId, String projectId, PatternFilter filter, int limit, String cursor) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    Cursor after = cursor == null ? null : Cursor.decode(cursor);
    if (after != null && after.sortValue() != SORT_VALUE) {
      throw new InvalidCursorException("cursor is not one of a patterns list");
    }
    StringBuilder cql = new StringBuilder(PARTITION);
    List<Object> values = new ArrayList<>(List.of(tenantId, projectId));
    if (after != null) {
      restrict(cql, values, "pattern_id > ?", after.tieBreakerId());
    }
    if (filter.kind() != null) {
      restrict(cql, values, "kind = ?", filter.kind().name());
    }
    if (filter.status() != null) {
      restrict(cql, values, "status = ?", filter.status().name());
    }
    if (filter.language() != null) {
      restrict(cql, values, "language = ?", filter.language());
    }
    if (filter.since() != null) {
      restrict(cql, values, "last_seen_at >= ?", filter.since());
    }
    // One row more than asked tells whether another page follows.
    cql.append(" LIMIT ?");
    values.add(limit + 1);
    // The driver caches what it prepared, by text: one preparation per combination of filters.
    PreparedStatement statement = session.prepare(cql.toString());
    List<Pattern> rows = new ArrayList<>(limit + 1);
    for (Row row : session.execute(statement.bind(values.toArray()))) {
      rows.add(toPattern(row));
    }
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<Pattern> page = List.copyOf(rows.subList(0, limit));
    return new Page<>(page, positionOf(page.get(limit - 1)).encode());
  }

  /** Where a list continues after {@code pattern}: what {@code nextCursor} encodes. */
  static Cursor positionOf(Pattern pattern) {
    return new Cursor(SORT_VALUE, pattern.patternId());
  }

  private static void restrict(StringBuilder cql, List<Object> values, String clause, Object v) {
    cql.append(" AND ").append(clause);
    values.add(v);
  }

  private static Pattern toPattern(Row r) {
    List<Pattern.Example> examples = new ArrayList<>();
    if (!r.isNull("examples")) {
      for (TupleValue example : r.getList("examples", TupleValue.class)) {
        examples.add(new Pattern.Example(example.getString(0), example.getString(1)));
      }
    }
    return new Pattern(
        r.getString("pattern_id"),
        r.getString("tenant_id"),
        r.getString("project_id"),
        PatternKind.valueOf(r.getString("kind")),
        PatternStatus.valueOf(r.getString("status")),
        r.getString("signature"),
        r.getString("language"),
        r.getString("error_type"),
        // Cassandra reads an empty frozen collection back as null.
        r.isNull("top_frames") ? List.of() : r.getList("top_frames", String.class),
        examples,
        r.getLong("occurrences"),
        r.getLong("recent_occurrences"),
        r.getInstant("first_seen_at"),
        r.getInstant("last_seen_at"),
        r.getInt("agents_affected"),
        r.getInt("sessions_affected"),
        r.getLong("support"),
        r.isNull("success_rate") ? null : r.getDouble("success_rate"),
        r.getString("event_id"),
        r.getInstant("detected_at"));
  }
}
