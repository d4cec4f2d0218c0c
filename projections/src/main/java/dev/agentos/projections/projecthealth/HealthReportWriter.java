package dev.agentos.projections.projecthealth;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.agentos.projections.source.BatchWriter;
import dev.agentos.projections.source.Refusal;
import dev.agentos.readmodels.health.HealthReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a processor batch of health reports, each as the row of its report id, so no row is read
 * first: a redelivered report rewrites its row with the same values and changes nothing. Of a
 * batch's reports of one id only the last is sent: the batch's inserts run concurrently, so two of
 * one row could land in either order, and the last is the one the topic (one partition per project)
 * says came last.
 *
 * <p>When the table refuses a write for good (an invalid query), the reports are written again one
 * at a time and those it still refuses are answered, with its message, for their records to become
 * dead letters. Anything else (a timeout, a node down) is thrown, and the processor retries the
 * batch.
 */
public final class HealthReportWriter implements BatchWriter<HealthReport> {

  private final HealthReportTable table;

  HealthReportWriter(HealthReportTable table) {
    this.table = table;
  }

  /** A writer into the table of the keyspace {@code session} is on. */
  public static HealthReportWriter onCassandra(CqlSession session) {
    return new HealthReportWriter(new CassandraHealthReportTable(session));
  }

  @Override
  public List<Refusal<HealthReport>> write(List<HealthReport> reports) {
    List<HealthReport> rows = lastOfEachRow(reports);
    try {
      table.write(rows);
      return List.of();
    } catch (InvalidQueryException refused) {
      if (rows.size() == 1) {
        HealthReport r = rows.get(0);
        return List.of(
            new Refusal<>(
                r,
                "Cassandra refused health report "
                    + r.reportId()
                    + " of project "
                    + r.projectId()
                    + ": "
                    + refused.getMessage(),
                refused.getClass().getName()));
      }
    }
    List<Refusal<HealthReport>> refusals = new ArrayList<>();
    for (HealthReport row : rows) {
      refusals.addAll(write(List.of(row)));
    }
    return refusals;
  }

  private static List<HealthReport> lastOfEachRow(List<HealthReport> reports) {
    Map<List<Object>, HealthReport> last = new LinkedHashMap<>();
    for (HealthReport r : reports) {
      List<Object> key = List.of(r.tenantId(), r.projectId(), r.windowEnd(), r.reportId());
      // Removed first, so the row takes the place of its last report in the batch.
      last.remove(key);
      last.put(key, r);
    }
    return List.copyOf(last.values());
  }
}
