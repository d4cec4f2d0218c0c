package dev.agentos.readmodels.anomalies;

import dev.agentos.events.derived.AnomalySeverity;
import java.time.Instant;

/**
 * What an anomalies list keeps of a project's anomalies; each part null for "any".
 *
 * @param minSeverity keeps the anomalies of this severity or a higher one
 * @param since keeps the anomalies that occurred at or after it
 * @param until keeps the anomalies that occurred before it
 */
public record AnomalyFilter(
    String metric, AnomalySeverity minSeverity, Instant since, Instant until) {

  public static final AnomalyFilter ANY = new AnomalyFilter(null, null, null, null);

  public AnomalyFilter {
    // "" would not mean "any" to the index but "the metric named ''": no such rows.
    metric = metric == null || metric.isBlank() ? null : metric.strip();
    if (since != null && until != null && !since.isBefore(until)) {
      throw new IllegalArgumentException("since " + since + " is not before until " + until);
    }
  }
}
