package dev.agentos.readmodels.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The InfluxQL of a metric read: scoped, bounded, and with every request text quoted. */
class MetricReaderTest {

  private static final TimeRange HOUR =
      new TimeRange(Instant.parse("2026-12-07T10:00:00Z"), Instant.parse("2026-12-07T11:00:00Z"));

  @Test
  void samplesAreReadInTheScopeOldestFirstOneBeyondTheLimit() {
    assertThat(MetricReader.statement(MetricQuery.samples("t1", "p1", "latency.ms", HOUR, 100)))
        .isEqualTo(
            "SELECT \"value\", \"agent_id\", \"session_id\" FROM \"latency.ms\""
                + " WHERE \"tenant_id\" = 't1' AND \"project_id\" = 'p1'"
                + " AND time >= '2026-12-07T10:00:00Z' AND time < '2026-12-07T11:00:00Z'"
                + " ORDER BY time ASC LIMIT 101");
  }

  @Test
  void anIntervalAggregatesPerIntervalLeavingEmptyOnesOut() {
    MetricQuery query =
        new MetricQuery(
            "t1",
            "p1",
            "latency.ms",
            new TreeMap<>(Map.of("tool", "bash")),
            "a1",
            "s1",
            HOUR,
            Duration.ofMinutes(1),
            MetricAggregate.MAX,
            60);
    assertThat(MetricReader.statement(query))
        .isEqualTo(
            "SELECT max(\"value\") AS \"value\" FROM \"latency.ms\""
                + " WHERE \"tenant_id\" = 't1' AND \"project_id\" = 'p1'"
                + " AND \"agent_id\" = 'a1' AND \"session_id\" = 's1' AND \"tool\" = 'bash'"
                + " AND time >= '2026-12-07T10:00:00Z' AND time < '2026-12-07T11:00:00Z'"
                + " GROUP BY time(60000ms) fill(none) ORDER BY time ASC LIMIT 61");
  }

  @Test
  void aRequestsTextStaysInsideItsLiteralsAndTheScopeStaysACondition() {
    MetricQuery hostile =
        new MetricQuery(
            "t1",
            "p1",
            "x\" WHERE 1=1 --",
            new TreeMap<>(Map.of("k\" = 'v' OR \"a", "v' OR tenant_id != '")),
            "a' OR '1'='1",
            null,
            HOUR,
            null,
            null,
            10);
    String statement = MetricReader.statement(hostile);
    // Names and tag values are encoded as the writer stored them (no double quote, space or
    // backslash is left), and a single quote that remains is escaped in its literal.
    assertThat(statement)
        .startsWith(
            "SELECT \"value\", \"agent_id\", \"session_id\" FROM \"x%22%20WHERE%201%3D1%20--\"")
        .contains(" WHERE \"tenant_id\" = 't1' AND \"project_id\" = 'p1' AND ")
        .contains("\"agent_id\" = 'a\\'%20OR%20\\'1\\'%3D\\'1'")
        .contains("\"k%22%20%3D%20'v'%20OR%20%22a\" = 'v\\'%20OR%20tenant_id%20!%3D%20\\''")
        .doesNotContain(" OR ");
  }

  @Test
  void aTagNamedLikeAScopeTagIsTheMetricsOwnRenamedAsTheWriterRenamesIt() {
    MetricQuery query =
        new MetricQuery(
            "t1",
            "p1",
            "m",
            new TreeMap<>(Map.of("tenant_id", "t2", "_x", "1")),
            null,
            null,
            HOUR,
            null,
            null,
            10);
    assertThat(MetricReader.statement(query))
        .contains("\"%74enant_id\" = 't2'")
        .contains("\"%5Fx\" = '1'")
        .contains("\"tenant_id\" = 't1'");
  }
}
