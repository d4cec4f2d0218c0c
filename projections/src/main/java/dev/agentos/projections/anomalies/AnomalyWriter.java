package dev.agentos.projections.anomalies;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.agentos.projections.source.BatchWriter;
import dev.agentos.projections.source.Refusal;
import dev.agentos.readmodels.anomalies.Anomaly;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a processor batch of anomalies, idempotently by anomaly id: an anomaly's id is derived
 * from its series and its sample's time, which also key its rows, so a redelivered anomaly (Kafka
 * after a crash, Flink after a restore, a replay) writes the same rows again and no row is read
 * first. Of a batch's reports of one anomaly only the last is sent.
 *
 * <p>When the tables refuse a write for good (an invalid query), the anomalies are written again
 * one at a time and those still refused are answered, with the store's message, for their records
 * to become dead letters. Anything else (a timeout, a node down) is thrown, and the processor
 * retries the batch.
 */
public final class AnomalyWriter implements BatchWriter<Anomaly> {

  private final AnomalyTable table;

  AnomalyWriter(AnomalyTable table) {
    this.table = table;
  }

  /** A writer into the tables of the keyspace {@code session} is on. */
  public static AnomalyWriter onCassandra(CqlSession session) {
    return new AnomalyWriter(new CassandraAnomalyTable(session));
  }

  @Override
  public List<Refusal<Anomaly>> write(List<Anomaly> anomalies) {
    List<Anomaly> latest = lastOfEachAnomaly(anomalies);
    try {
      table.write(latest);
      return List.of();
    } catch (InvalidQueryException refused) {
      if (latest.size() == 1) {
        Anomaly a = latest.get(0);
        return List.of(
            new Refusal<>(
                a,
                "Cassandra refused anomaly "
                    + a.anomalyId()
                    + " of project "
                    + a.projectId()
                    + ": "
                    + refused.getMessage(),
                refused.getClass().getName()));
      }
    }
    List<Refusal<Anomaly>> refusals = new ArrayList<>();
    for (Anomaly anomaly : latest) {
      refusals.addAll(write(List.of(anomaly)));
    }
    return refusals;
  }

  private static List<Anomaly> lastOfEachAnomaly(List<Anomaly> anomalies) {
    Map<List<String>, Anomaly> last = new LinkedHashMap<>();
    for (Anomaly a : anomalies) {
      last.put(List.of(a.tenantId(), a.projectId(), a.anomalyId()), a);
    }
    return List.copyOf(last.values());
  }
}
