package dev.agentos.readmodels.anomalies;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.readmodels.memory.Page;
import dev.agentos.readmodels.paging.Cursor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's anomalies from the anomalies read model ({@link AnomalySchema}), every read within
 * the tenant's and project's own partitions, so another tenant's or project's anomaly is absent
 * here exactly as an unknown id is.
 *
 * <p>Lists are newest first (by the sample's time, ties by anomaly id) and paged by position: the
 * cursor is a {@link Cursor} of the last anomaly returned, its time in epoch milliseconds and its
 * id, so the next page starts after it whatever was written meanwhile. A page walks the project's
 * days that have anomalies ({@value AnomalySchema#DAYS}), newest first, from the cursor's or
 * until's day down to since's, reading each day's partition as one clustering slice of at most the
 * rows still wanted; metric and minimum severity narrow each slice through the storage-attached
 * indexes, which keep its order. A page so reads one row per day it passes plus its own rows: a
 * filter that matches little over a long history is best given a since.
 */
public final class AnomalyReader {

  private static final String PARTITION =
      "SELECT * FROM "
          + AnomalySchema.BY_DAY
          + " WHERE tenant_id = ? AND project_id = ? AND day = ?";

  private final CqlSession session;
  private final PreparedStatement byId;

  /**
   * @param session a session on the read models' keyspace, where the tables exist
   */
  public AnomalyReader(CqlSession session) {
    this.session = session;
    this.byId =
        session.prepare(
            "SELECT * FROM "
                + AnomalySchema.BY_ID
                + " WHERE tenant_id = ? AND project_id = ? AND anomaly_id = ?");
  }

  /** The anomaly of this id in the tenant's project; empty for any other. */
  public Optional<Anomaly> anomaly(String tenantId, String projectId, String anomalyId) {
    return Optional.ofNullable(session.execute(byId.bind(tenantId, projectId, anomalyId)).one())
        .map(AnomalyReader::toAnomaly);
  }

  /**
   * The project's anomalies that pass {@code filter}, newest first, {@code limit} at a time; {@code
   * cursor} is a previous page's {@code nextCursor}, or null for the first page.
   *
   * @throws dev.agentos.readmodels.paging.InvalidCursorException if {@code cursor} is not one this
   *     method handed out
   */
  public Page<Anomaly> list(
      String tenantId, String projectId, AnomalyFilter filter, int limit, String cursor) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    Cursor after = cursor == null ? null : Cursor.decode(cursor);
    // A page holds the rows before end (exclusive) and, when the cursor is before until, the rows
    // of the cursor's own millisecond with an id after its.
    Instant end = filter.until();
    Instant tiesAt = null;
    if (after != null) {
      Instant afterTime = Instant.ofEpochMilli(after.sortValue());
      if (end == null || afterTime.isBefore(end)) {
        end = afterTime;
        tiesAt = afterTime;
      }
    }
    Instant since = filter.since();
    if (since != null && tiesAt != null && tiesAt.isBefore(since)) {
      return new Page<>(List.of(), null);
    }
    Instant newest = tiesAt != null ? tiesAt : end == null ? null : end.minusMillis(1);
    // One row more than asked tells whether another page follows.
    int wanted = limit + 1;
    List<Anomaly> rows = new ArrayList<>(wanted);
    for (LocalDate day : days(tenantId, projectId, newest, since)) {
      Slice slice = new Slice(tenantId, projectId, day, filter);
      if (tiesAt != null && day.equals(AnomalySchema.dayOf(tiesAt))) {
        read(
            slice.range(" AND occurred_at = ? AND anomaly_id > ?", tiesAt, after.tieBreakerId()),
            rows,
            wanted);
      }
      read(slice.before(end), rows, wanted);
      if (rows.size() == wanted) {
        List<Anomaly> page = List.copyOf(rows.subList(0, limit));
        return new Page<>(page, positionOf(page.get(limit - 1)).encode());
      }
    }
    return new Page<>(rows, null);
  }

  /** Where a list continues after {@code anomaly}: what {@code nextCursor} encodes. */
  static Cursor positionOf(Anomaly anomaly) {
    return new Cursor(anomaly.occurredAt().toEpochMilli(), anomaly.anomalyId());
  }

  /** The project's days with anomalies from {@code newest}'s down to {@code oldest}'s. */
  private List<LocalDate> days(String tenantId, String projectId, Instant newest, Instant oldest) {
    StringBuilder cql =
        new StringBuilder(
            "SELECT day FROM " + AnomalySchema.DAYS + " WHERE tenant_id = ? AND project_id = ?");
    List<Object> values = new ArrayList<>(List.of(tenantId, projectId));
    if (newest != null) {
      cql.append(" AND day <= ?");
      values.add(AnomalySchema.dayOf(newest));
    }
    if (oldest != null) {
      cql.append(" AND day >= ?");
      values.add(AnomalySchema.dayOf(oldest));
    }
    List<LocalDate> days = new ArrayList<>();
    for (Row row : session.execute(session.prepare(cql.toString()).bind(values.toArray()))) {
      days.add(row.getLocalDate("day"));
    }
    return days;
  }

  /** Adds the rows of {@code slice} to {@code rows} until {@code rows} holds {@code wanted}. */
  private void read(Slice slice, List<Anomaly> rows, int wanted) {
    if (rows.size() >= wanted) {
      return;
    }
    Slice limited = slice.range(" LIMIT ?", wanted - rows.size());
    // The driver caches what it prepared, by text: one preparation per combination of filters.
    PreparedStatement statement = session.prepare(limited.cql);
    for (Row row : session.execute(statement.bind(limited.values.toArray()))) {
      rows.add(toAnomaly(row));
    }
  }

  /**
   * A statement on one day's partition narrowed by a list's metric and severity: what every slice
   * of a page starts from.
   */
  private record Slice(String cql, List<Object> values, Instant since) {

    Slice(String tenantId, String projectId, LocalDate day, AnomalyFilter filter) {
      this(filtered(filter), values(tenantId, projectId, day, filter), filter.since());
    }

    /** This slice with {@code clause} appended, its markers bound to {@code more}. */
    Slice range(String clause, Object... more) {
      List<Object> all = new ArrayList<>(values);
      all.addAll(List.of(more));
      return new Slice(cql + clause, all, since);
    }

    /** The rows before {@code end} (none: no end) and at or after since. */
    Slice before(Instant end) {
      Slice slice = end == null ? this : range(" AND occurred_at < ?", end);
      return since == null ? slice : slice.range(" AND occurred_at >= ?", since);
    }

    private static String filtered(AnomalyFilter filter) {
      return PARTITION
          + (filter.metric() != null ? " AND metric = ?" : "")
          + (severityRank(filter) != null ? " AND severity_rank >= ?" : "");
    }

    private static List<Object> values(
        String tenantId, String projectId, LocalDate day, AnomalyFilter filter) {
      List<Object> values = new ArrayList<>(List.of(tenantId, projectId, day));
      if (filter.metric() != null) {
        values.add(filter.metric());
      }
      if (severityRank(filter) != null) {
        values.add(severityRank(filter));
      }
      return values;
    }

    /** The rank a minimum severity restricts to; null for none or LOW, which keeps every row. */
    private static Integer severityRank(AnomalyFilter filter) {
      AnomalySeverity min = filter.minSeverity();
      return min == null || min.ordinal() == 0 ? null : min.ordinal();
    }
  }

  private static Anomaly toAnomaly(Row r) {
    return new Anomaly(
        r.getString("anomaly_id"),
        r.getString("tenant_id"),
        r.getString("project_id"),
        r.getString("metric"),
        // Cassandra reads an empty frozen collection back as null.
        r.isNull("tags") ? Map.of() : r.getMap("tags", String.class, String.class),
        r.getDouble("observed"),
        r.getDouble("expected"),
        r.getDouble("expected_low"),
        r.getDouble("expected_high"),
        r.getDouble("deviation"),
        AnomalySeverity.valueOf(r.getString("severity")),
        r.getString("detector"),
        r.getInstant("window_start"),
        r.getInstant("window_end"),
        r.getInstant("occurred_at"));
  }
}
