package dev.agentos.projections.history;

import dev.agentos.readmodels.history.HistoryRow;
import java.util.List;

/**
 * Where the history writer puts its rows. A row is keyed by (tenant, memory, sequence): writing it
 * again replaces it with itself.
 */
interface HistoryTable {

  /**
   * Writes {@code rows}.
   *
   * @throws com.datastax.oss.driver.api.core.servererrors.InvalidQueryException when the store
   *     refuses a row for good; anything else thrown may pass and is retried
   */
  void write(List<HistoryRow> rows);
}
