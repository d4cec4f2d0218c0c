package dev.agentos.projections.anomalies;

import dev.agentos.readmodels.anomalies.Anomaly;
import java.util.List;

/**
 * Where the anomalies writer puts its anomalies. Writing an anomaly again writes the same row: the
 * tables are keyed by the anomaly's id and time, both fixed by the series and sample it was found
 * at.
 */
interface AnomalyTable {

  /**
   * Writes {@code anomalies}.
   *
   * @throws com.datastax.oss.driver.api.core.servererrors.InvalidQueryException when the store
   *     refuses an anomaly for good; anything else thrown may pass and is retried
   */
  void write(List<Anomaly> anomalies);
}
