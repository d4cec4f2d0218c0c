package dev.agentos.projections.projecthealth;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.agentos.projections.memory.AsyncStatements;
import dev.agentos.readmodels.health.HealthReport;
import dev.agentos.readmodels.health.HealthSchema;
import java.util.List;

/**
 * {@value HealthSchema#TABLE} in Cassandra: each report one insert of every column, the batch's
 * inserts concurrently. A plain insert, no condition and no read: the key is the report's own, so a
 * redelivered report writes the same cells again.
 */
final class CassandraHealthReportTable implements HealthReportTable {

  private final CqlSession session;
  private final PreparedStatement insert;

  /**
   * @param session a session on the keyspace holding the table
   */
  CassandraHealthReportTable(CqlSession session) {
    this.session = session;
    this.insert =
        session.prepare(
            "INSERT INTO "
                + HealthSchema.TABLE
                + " (tenant_id, project_id, window_end, report_id, window_start, score,"
                + " components, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  }

  @Override
  public void write(List<HealthReport> reports) {
    AsyncStatements.run(session, reports.stream().map(this::bind).toList());
  }

  private BoundStatement bind(HealthReport r) {
    return insert.bind(
        r.tenantId(),
        r.projectId(),
        r.windowEnd(),
        r.reportId(),
        r.windowStart(),
        r.score(),
        r.components(),
        r.eventId());
  }
}
