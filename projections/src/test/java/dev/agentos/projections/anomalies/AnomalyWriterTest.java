package dev.agentos.projections.anomalies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.projections.source.Refusal;
import dev.agentos.readmodels.anomalies.Anomaly;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The anomalies writer's rules without a server: a redelivered anomaly rewrites its one row (never
 * a second), a batch sends each anomaly once, and refusals are told from outages.
 */
class AnomalyWriterTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  /** The tables as Cassandra keeps them: one row per tenant, project and anomaly id. */
  private static final class Table implements AnomalyTable {
    final Map<List<String>, Anomaly> rows = new LinkedHashMap<>();
    final List<Anomaly> sent = new ArrayList<>();

    @Override
    public void write(List<Anomaly> anomalies) {
      for (Anomaly a : anomalies) {
        if (a.metric().equals("refused")) {
          throw new InvalidQueryException(null, "Key length too large for metric");
        }
      }
      for (Anomaly a : anomalies) {
        sent.add(a);
        rows.put(List.of(a.tenantId(), a.projectId(), a.anomalyId()), a);
      }
    }
  }

  private final Table table = new Table();
  private final AnomalyWriter writer = new AnomalyWriter(table);
  private final AnomalyReports latency = new AnomalyReports("t1", "p1", "tool.latency_ms");
  private final AnomalyReports tokens = new AnomalyReports("t1", "p1", "llm.tokens");

  private Anomaly anomaly(AnomalyReports series, int seconds, double observed) {
    return AnomalyRows.of(series.at(T0.plusSeconds(seconds), observed, AnomalySeverity.HIGH));
  }

  @Test
  void aRedeliveredAnomalyRewritesItsOneRow() {
    Anomaly first = anomaly(latency, 0, 900);
    Anomaly second = anomaly(latency, 10, 950);
    writer.write(List.of(first, second));
    Map<List<String>, Anomaly> before = Map.copyOf(table.rows);

    // Kafka redelivers after a crash; Flink reports the same samples again after a restore.
    writer.write(List.of(second));
    writer.write(List.of(anomaly(latency, 0, 900), anomaly(latency, 10, 950)));

    assertThat(table.rows).hasSize(2).isEqualTo(before);
    assertThat(table.rows.values()).containsExactly(first, second);
  }

  @Test
  void ofABatchsReportsOfOneAnomalyOnlyOneIsSent() {
    Anomaly once = anomaly(latency, 0, 900);
    Anomaly other = anomaly(tokens, 0, 40_000);

    writer.write(List.of(once, other, anomaly(latency, 0, 900)));

    assertThat(table.sent).containsExactly(once, other);
  }

  @Test
  void theSameIdInAnotherProjectIsAnotherAnomaly() {
    Anomaly own = anomaly(latency, 0, 900);
    Anomaly twin =
        new Anomaly(
            own.anomalyId(),
            own.tenantId(),
            "p2",
            own.metric(),
            own.tags(),
            own.observed(),
            own.expected(),
            own.expectedLow(),
            own.expectedHigh(),
            own.deviation(),
            own.severity(),
            own.detector(),
            own.windowStart(),
            own.windowEnd(),
            own.occurredAt());

    writer.write(List.of(own, twin));

    assertThat(table.rows.values()).containsExactly(own, twin);
  }

  @Test
  void anAnomalyTheTableRefusesIsAnsweredAloneAndTheOthersAreWritten() {
    Anomaly good = anomaly(tokens, 5, 40_000);
    Anomaly bad =
        AnomalyRows.of(new AnomalyReports("t1", "p1", "refused").at(T0, 1, AnomalySeverity.LOW));

    List<Refusal<Anomaly>> refused = writer.write(List.of(good, bad));

    assertThat(refused).extracting(Refusal::item).containsExactly(bad);
    assertThat(refused.get(0).reason())
        .contains("anomaly " + bad.anomalyId(), "project p1", "Key length too large");
    assertThat(table.rows.values()).containsExactly(good);
  }

  @Test
  void aFailureThatMayPassIsThrownForTheBatchToBeRetried() {
    AnomalyWriter failing =
        new AnomalyWriter(
            anomalies -> {
              throw new DriverTimeoutException("timed out");
            });

    assertThatThrownBy(() -> failing.write(List.of(anomaly(latency, 0, 900))))
        .isInstanceOf(DriverTimeoutException.class);
  }
}
