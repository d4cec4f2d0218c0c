package dev.agentos.executor.intake;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Which records of one partition are still being worked on. The consumer commits the lowest offset
 * not yet done, never past it: a request still running when the executor stops is read again by the
 * next one (at least once), and the command side's refusal of a second start keeps it from running
 * twice.
 */
final class PartitionProgress {

  private final TreeSet<Long> pending = new TreeSet<>();
  private long next = -1;

  void received(long offset) {
    pending.add(offset);
    next = Math.max(next, offset + 1);
  }

  void done(long offset) {
    pending.remove(offset);
  }

  /** The offset to commit: the first record not done, or past the last received when all are. */
  OptionalLong committable() {
    if (next < 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(pending.isEmpty() ? next : pending.first());
  }
}
