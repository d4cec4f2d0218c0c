package dev.agentos.readmodels.health;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A project's health reports from {@value HealthSchema#TABLE}, each read one partition: the
 * tenant's and project's own, so another tenant's project reads exactly as one with no reports.
 *
 * <p>Both reads take the head of the partition, which is clustered newest window first: the latest
 * report is its first row, a trend the rows of a window-end slice, at most {@link #MAX_LIMIT} of
 * them over at most {@link #MAX_RANGE}, so no read grows with a project's age.
 */
public final class HealthReader {

  /** The longest range a trend reads: a quarter, 2,208 hourly reports. */
  public static final Duration MAX_RANGE = Duration.ofDays(92);

  /** The most reports a trend answers. */
  public static final int MAX_LIMIT = 1000;

  private static final String PARTITION =
      "SELECT * FROM " + HealthSchema.TABLE + " WHERE tenant_id = ? AND project_id = ?";

  private final CqlSession session;
  private final PreparedStatement latest;
  private final PreparedStatement range;

  /**
   * @param session a session on the read models' keyspace, where the table exists
   */
  public HealthReader(CqlSession session) {
    this.session = session;
    this.latest = session.prepare(PARTITION + " LIMIT 1");
    this.range = session.prepare(PARTITION + " AND window_end >= ? AND window_end < ? LIMIT ?");
  }

  /** The report of the project's latest window; empty for a project of no report, or another's. */
  public Optional<HealthReport> latest(String tenantId, String projectId) {
    return Optional.ofNullable(session.execute(latest.bind(tenantId, projectId)).one())
        .map(HealthReader::toReport);
  }

  /**
   * The project's reports whose window ended in [from, to), newest first, at most {@code limit}.
   *
   * @throws IllegalArgumentException for an empty or reversed range, one longer than {@link
   *     #MAX_RANGE}, or a limit outside 1 to {@link #MAX_LIMIT}
   */
  public HealthTrend trend(String tenantId, String projectId, Instant from, Instant to, int limit) {
    requireBounded(from, to, limit);
    List<HealthReport> reports = new ArrayList<>(limit + 1);
    // One row more than asked tells whether the range holds more.
    for (Row row : session.execute(range.bind(tenantId, projectId, from, to, limit + 1))) {
      reports.add(toReport(row));
    }
    boolean truncated = reports.size() > limit;
    return new HealthTrend(from, to, truncated ? reports.subList(0, limit) : reports, truncated);
  }

  static void requireBounded(Instant from, Instant to, int limit) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from " + from + " is not before to " + to);
    }
    if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      throw new IllegalArgumentException(
          "from " + from + " to " + to + " is longer than " + MAX_RANGE.toDays() + " days");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
    }
  }

  private static HealthReport toReport(Row r) {
    return new HealthReport(
        r.getString("report_id"),
        r.getString("tenant_id"),
        r.getString("project_id"),
        r.getInstant("window_start"),
        r.getInstant("window_end"),
        r.getBigDecimal("score"),
        // Cassandra reads an empty frozen collection back as null.
        r.isNull("components") ? null : r.getMap("components", String.class, BigDecimal.class),
        r.getString("event_id"));
  }
}
