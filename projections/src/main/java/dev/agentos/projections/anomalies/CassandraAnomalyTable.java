package dev.agentos.projections.anomalies;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.agentos.projections.memory.AsyncStatements;
import dev.agentos.readmodels.anomalies.Anomaly;
import dev.agentos.readmodels.anomalies.AnomalySchema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The anomalies tables in Cassandra: each anomaly one insert into {@value AnomalySchema#BY_ID} and
 * one into {@value AnomalySchema#BY_DAY}, and each project's day once per batch into {@value
 * AnomalySchema#DAYS}, all of the batch's inserts concurrently. Plain inserts at the server's time:
 * an anomaly's rows are keyed by what its id is derived from, so any two reports of it write the
 * same rows, and the later one's values are kept.
 */
final class CassandraAnomalyTable implements AnomalyTable {

  private static final String COLUMNS =
      "metric, tags, observed, expected, expected_low, expected_high, deviation, severity,"
          + " detector, window_start, window_end";

  private final CqlSession session;
  private final PreparedStatement byId;
  private final PreparedStatement byDay;
  private final PreparedStatement day;

  /**
   * @param session a session on the keyspace holding the tables
   */
  CassandraAnomalyTable(CqlSession session) {
    this.session = session;
    this.byId =
        session.prepare(
            "INSERT INTO "
                + AnomalySchema.BY_ID
                + " (tenant_id, project_id, anomaly_id, occurred_at, "
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    this.byDay =
        session.prepare(
            "INSERT INTO "
                + AnomalySchema.BY_DAY
                + " (tenant_id, project_id, day, occurred_at, anomaly_id, severity_rank, "
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    this.day =
        session.prepare(
            "INSERT INTO " + AnomalySchema.DAYS + " (tenant_id, project_id, day) VALUES (?, ?, ?)");
  }

  @Override
  public void write(List<Anomaly> anomalies) {
    List<BoundStatement> statements = new ArrayList<>(anomalies.size() * 2 + 1);
    Set<List<Object>> days = new LinkedHashSet<>();
    for (Anomaly a : anomalies) {
      LocalDate of = AnomalySchema.dayOf(a.occurredAt());
      statements.add(
          byId.bind(withColumns(a, a.tenantId(), a.projectId(), a.anomalyId(), a.occurredAt())));
      statements.add(
          byDay.bind(
              withColumns(
                  a,
                  a.tenantId(),
                  a.projectId(),
                  of,
                  a.occurredAt(),
                  a.anomalyId(),
                  a.severity().ordinal())));
      days.add(List.of(a.tenantId(), a.projectId(), of));
    }
    for (List<Object> projectDay : days) {
      statements.add(day.bind(projectDay.toArray()));
    }
    AsyncStatements.run(session, statements);
  }

  /** {@code keys} followed by the values of {@link #COLUMNS}, in its order. */
  private static Object[] withColumns(Anomaly a, Object... keys) {
    List<Object> values = new ArrayList<>(List.of(keys));
    values.add(a.metric());
    values.add(a.tags());
    values.add(a.observed());
    values.add(a.expected());
    values.add(a.expectedLow());
    values.add(a.expectedHigh());
    values.add(a.deviation());
    values.add(a.severity().name());
    values.add(a.detector());
    values.add(a.windowStart());
    values.add(a.windowEnd());
    return values.toArray();
  }
}
