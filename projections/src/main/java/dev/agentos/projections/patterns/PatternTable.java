package dev.agentos.projections.patterns;

import java.util.List;

/**
 * Where the patterns writer puts its snapshots. A snapshot is written at its own write timestamp
 * ({@link PatternWrite#writeTime()}): of a pattern's snapshots, the one with the greatest timestamp
 * is the row, whatever order they were written in.
 */
interface PatternTable {

  /**
   * Writes {@code writes}.
   *
   * @throws com.datastax.oss.driver.api.core.servererrors.InvalidQueryException when the store
   *     refuses a snapshot for good; anything else thrown may pass and is retried
   */
  void write(List<PatternWrite> writes);
}
