package dev.agentos.projections.patterns;

import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.readmodels.patterns.Pattern;

/**
 * One snapshot of a pattern and the Cassandra write timestamp it is written with: a function of the
 * snapshot alone, growing with its (lastSeenAt, occurrences), so that Cassandra, which keeps the
 * cell with the greatest timestamp, keeps the latest snapshot whatever order they arrive in.
 *
 * <p>Why a write timestamp rather than a lightweight transaction ({@code IF occurrences < ?}): a
 * snapshot is then one plain write, sent concurrently with the batch's others, with no read and no
 * Paxos round (four round trips each), as the memory tables are written (ADR 0004); a redelivered
 * snapshot writes the same cells with the same timestamp, which changes nothing; an older one
 * arriving after a newer one loses to it cell by cell, and CQL conditions could not even say "older
 * by (lastSeenAt, occurrences)", having no OR. The cost: every write must carry such a timestamp
 * (the projection is the table's one writer), and a replay must empty the table first, which its
 * reset does.
 *
 * <p>The timestamp is {@code lastSeenAt} in milliseconds × 10⁶ + occurrences, the occurrences
 * capped at 999,999: a later lastSeenAt always wins, and of two snapshots seen last in the same
 * millisecond the one with more occurrences. Only two snapshots of the same millisecond that both
 * count a million matches or more tie; Cassandra then keeps the greater value of each cell, and as
 * the counts only grow, still the newer counts. It holds until the year 2262.
 */
public record PatternWrite(Pattern pattern, long writeTime) {

  static final long OCCURRENCES_PER_MILLI = 1_000_000;

  /**
   * The row of {@code event} and its write timestamp.
   *
   * @throws IllegalArgumentException for a snapshot no timestamp can order (lastSeenAt before 1970
   *     or after 2262, negative occurrences): its record is set aside, as a handler failure
   */
  public static PatternWrite of(PatternDetected event) {
    Pattern pattern = PatternRows.of(event);
    return new PatternWrite(pattern, writeTime(pattern.lastSeenAt().toEpochMilli(), pattern));
  }

  static long writeTime(long lastSeenAtMillis, Pattern pattern) {
    long count = countOf(pattern);
    if (lastSeenAtMillis < 0 || count < 0) {
      throw new IllegalArgumentException(unorderable(pattern));
    }
    try {
      return Math.addExact(
          Math.multiplyExact(lastSeenAtMillis, OCCURRENCES_PER_MILLI),
          Math.min(count, OCCURRENCES_PER_MILLI - 1));
    } catch (ArithmeticException tooLate) {
      throw new IllegalArgumentException(unorderable(pattern), tooLate);
    }
  }

  private static long countOf(Pattern pattern) {
    return pattern.kind() == PatternKind.SUCCESS ? pattern.support() : pattern.occurrences();
  }

  private static String unorderable(Pattern p) {
    return "pattern "
        + p.patternId()
        + " has lastSeenAt "
        + p.lastSeenAt()
        + " and occurrences "
        + p.occurrences()
        + ": no snapshot order can hold them (lastSeenAt 1970 to 2262, occurrences >= 0)";
  }
}
