package dev.agentos.projections.projecthealth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.derived.ProjectHealthReported;
import dev.agentos.readmodels.health.HealthReport;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A report's row holds every field of the event and its header's owner. */
class HealthReportRowsTest {

  private static final Instant END = Instant.parse("2026-12-07T11:00:00Z");

  @Test
  void theRowHoldsEveryFieldOfTheReportAndItsHeadersOwner() {
    ProjectHealthReported event = new HealthReports("t1", "p1").report(END, "87.50", "99.90");

    HealthReport row = HealthReportRows.of(event);

    assertThat(row.reportId()).isEqualTo(event.getReportId());
    assertThat(row.tenantId()).isEqualTo("t1");
    assertThat(row.projectId()).isEqualTo("p1");
    assertThat(row.windowStart()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
    assertThat(row.windowEnd()).isEqualTo(END);
    assertThat(row.score()).isEqualTo(new BigDecimal("87.50"));
    assertThat(row.components())
        .containsExactly(
            entry("error-trend", "0.00"),
            entry("execution-success", "75.25"),
            entry("test-pass-rate", "99.90"));
    assertThat(row.eventId()).isEqualTo(event.getHeader().getEventId());
  }

  private static java.util.Map.Entry<String, BigDecimal> entry(String name, String value) {
    return java.util.Map.entry(name, new BigDecimal(value));
  }
}
