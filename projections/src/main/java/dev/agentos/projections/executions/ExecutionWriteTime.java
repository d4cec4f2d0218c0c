package dev.agentos.projections.executions;

import dev.agentos.events.common.EventHeader;

/**
 * The Cassandra write timestamp of an event's cells in the executions read models: its time in
 * microseconds, the event id's hash in the last three digits. Cassandra keeps the cell with the
 * greatest timestamp, so a redelivered event writes the same cells at the same timestamp and
 * changes nothing, and of two different events writing the same columns (two outcomes of one
 * suggestion, say) the later one wins whatever order they are projected in; two in the same
 * millisecond are told apart by their ids rather than mixed cell by cell, unless their hashes also
 * agree (one in a thousand), when Cassandra keeps the greater value of each cell, still whatever
 * the order. The projection is the tables' one writer, and a replay empties them first.
 */
final class ExecutionWriteTime {

  private static final long MICROS_PER_MILLI = 1_000;
  private static final long LATEST_MILLIS = Long.MAX_VALUE / MICROS_PER_MILLI - 1;

  private ExecutionWriteTime() {}

  /**
   * @throws IllegalArgumentException for an event before 1970 or after 2262, which no timestamp can
   *     order: its record is set aside, as a handler failure
   */
  static long of(EventHeader header) {
    long millis = header.getOccurredAt().toEpochMilli();
    if (millis < 0 || millis > LATEST_MILLIS) {
      throw new IllegalArgumentException(
          "event "
              + header.getEventId()
              + " occurred at "
              + header.getOccurredAt()
              + ": no write timestamp can order it (1970 to 2262)");
    }
    return millis * MICROS_PER_MILLI + Math.floorMod(header.getEventId().hashCode(), 1000);
  }
}
