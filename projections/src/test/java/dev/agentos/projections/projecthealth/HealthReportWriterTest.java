package dev.agentos.projections.projecthealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.agentos.projections.source.Refusal;
import dev.agentos.readmodels.health.HealthReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The health writer's rules without a server: a redelivered report rewrites its own row and changes
 * nothing, a corrected report of the same id replaces it, and refusals are told from outages.
 */
class HealthReportWriterTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  /** The table as Cassandra keeps it: per key, the last write. */
  private static final class Table implements HealthReportTable {
    final Map<List<Object>, HealthReport> rows = new LinkedHashMap<>();
    final List<HealthReport> sent = new ArrayList<>();

    @Override
    public void write(List<HealthReport> reports) {
      for (HealthReport r : reports) {
        if (r.score().compareTo(new BigDecimal("999")) > 0) {
          throw new InvalidQueryException(null, "score out of range");
        }
      }
      for (HealthReport r : reports) {
        sent.add(r);
        rows.put(List.of(r.tenantId(), r.projectId(), r.windowEnd(), r.reportId()), r);
      }
    }
  }

  private final Table table = new Table();
  private final HealthReportWriter writer = new HealthReportWriter(table);
  private final HealthReports p1 = new HealthReports("t1", "p1");
  private final HealthReports p2 = new HealthReports("t1", "p2");

  private HealthReport report(HealthReports of, int hour, String score) {
    return HealthReportRows.of(of.report(T0.plusSeconds(3600L * hour), score));
  }

  @Test
  void aRedeliveredReportRewritesItsOwnRowAndChangesNothing() {
    HealthReport first = report(p1, 1, "80.00");
    HealthReport second = report(p1, 2, "90.00");
    writer.write(List.of(first, second));
    Map<List<Object>, HealthReport> before = new LinkedHashMap<>(table.rows);

    // Redelivered as Kafka redelivers after a crash: the same records again, alone and in a batch.
    writer.write(List.of(second));
    writer.write(List.of(first, second, first));

    assertThat(table.rows).isEqualTo(before).hasSize(2);
  }

  @Test
  void aReportOfTheSameIdPublishedLaterReplacesTheRow() {
    writer.write(List.of(report(p1, 1, "80.00")));
    HealthReport corrected = report(p1, 1, "70.00");

    writer.write(List.of(corrected));

    assertThat(table.rows.values()).containsExactly(corrected);
  }

  @Test
  void ofABatchsReportsOfOneRowOnlyTheLastIsSent() {
    HealthReport last = report(p1, 1, "60.00");
    HealthReport other = report(p2, 1, "50.00");

    writer.write(List.of(report(p1, 1, "80.00"), other, last));

    assertThat(table.sent).containsExactly(other, last);
  }

  @Test
  void aReportTheTableRefusesIsAnsweredAloneAndTheOthersAreWritten() {
    HealthReport good = report(p2, 1, "50.00");
    HealthReport bad = report(p1, 1, "1000.00");

    List<Refusal<HealthReport>> refused = writer.write(List.of(good, bad));

    assertThat(refused).extracting(Refusal::item).containsExactly(bad);
    assertThat(refused.get(0).reason())
        .contains("health report " + bad.reportId(), "project p1", "score out of range");
    assertThat(table.rows.values()).containsExactly(good);
  }

  @Test
  void aFailureThatMayPassIsThrownForTheBatchToBeRetried() {
    HealthReportWriter failing =
        new HealthReportWriter(
            reports -> {
              throw new DriverTimeoutException("timed out");
            });

    assertThatThrownBy(() -> failing.write(List.of(report(p1, 1, "80.00"))))
        .isInstanceOf(DriverTimeoutException.class);
  }
}
