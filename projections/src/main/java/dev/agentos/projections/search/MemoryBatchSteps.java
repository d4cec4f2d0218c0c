package dev.agentos.projections.search;

import dev.agentos.schemas.topics.EventKeys;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The times of one memory batch's steps (read, embed, write, wait for the cache), logged at DEBUG:
 * where the live path, which search waits for, spends its time. Turn on with {@code
 * logging.level.dev.agentos.projections.search.MemoryBatchSteps=DEBUG}.
 */
final class MemoryBatchSteps {

  private static final Logger log = LoggerFactory.getLogger(MemoryBatchSteps.class);

  private final long start = System.nanoTime();
  private long read;
  private long embedded;
  private long written;

  void read() {
    read = System.nanoTime();
  }

  void embedded() {
    embedded = System.nanoTime();
  }

  void written() {
    written = System.nanoTime();
  }

  /** Logs the batch's steps, the last one (the cache) ending now. */
  void log(List<SequencedMemoryEvent> batch, int memoriesRead, int memories) {
    if (!log.isDebugEnabled()) {
      return;
    }
    log.debug(
        "{} memory events, oldest {} ms old: read {} of {} memories {} ms, embed {} ms, write {}"
            + " ms, then waited {} ms for the cache",
        batch.size(),
        oldestAgeMillis(batch),
        memoriesRead,
        memories,
        millis(start, read),
        millis(read, embedded),
        millis(embedded, written),
        millis(written, System.nanoTime()));
  }

  /** Since the oldest event of the batch happened: how long its memory has waited so far. */
  private static long oldestAgeMillis(List<SequencedMemoryEvent> batch) {
    long now = System.currentTimeMillis();
    return batch.stream()
        .mapToLong(e -> now - EventKeys.headerOf(e.event()).getOccurredAt().toEpochMilli())
        .max()
        .orElse(0);
  }

  private static long millis(long from, long to) {
    return (to - from) / 1_000_000;
  }
}
