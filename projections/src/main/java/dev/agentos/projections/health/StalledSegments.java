package dev.agentos.projections.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells a processor segment that has stopped on a record from one that is merely idle: a segment is
 * stalled when its token has not moved for {@code allowed} although its topics hold records past
 * it. A partition counts as behind only when it ends more than one offset past the next record to
 * read, since a transaction's commit marker takes one offset that no consumer reads as a record.
 *
 * <p>Each {@link #observe} remembers, per processor and segment, the position last seen and since
 * when; what it does not see again (a segment released to another node) is forgotten.
 */
public final class StalledSegments {

  /** Where a segment's token stands, and where its topics end. */
  public record Observation(
      String processor,
      int segment,
      Map<TopicPartition, Long> positions,
      Map<TopicPartition, Long> ends) {}

  /**
   * A segment that has not moved since {@code since}, with {@code behind} records (or commit
   * markers) past its position.
   */
  public record Stalled(
      String processor,
      int segment,
      Map<TopicPartition, Long> positions,
      Instant since,
      long behind) {}

  private record Seen(Map<TopicPartition, Long> positions, Instant since) {}

  private final Duration allowed;
  private final Clock clock;
  private final Map<String, Seen> seen = new HashMap<>();

  public StalledSegments(Duration allowed, Clock clock) {
    this.allowed = allowed;
    this.clock = clock;
  }

  /** The segments of {@code observations} that are stalled now. */
  public synchronized List<Stalled> observe(List<Observation> observations) {
    Instant now = clock.instant();
    Map<String, Seen> current = new HashMap<>();
    List<Stalled> stalled = new ArrayList<>();
    for (Observation observation : observations) {
      String key = observation.processor() + "/" + observation.segment();
      Seen before = seen.get(key);
      Seen last =
          before != null && before.positions().equals(observation.positions())
              ? before
              : new Seen(Map.copyOf(observation.positions()), now);
      current.put(key, last);
      long behind = behind(observation);
      if (behind > 0 && !now.isBefore(last.since().plus(allowed))) {
        stalled.add(
            new Stalled(
                observation.processor(),
                observation.segment(),
                last.positions(),
                last.since(),
                behind));
      }
    }
    seen.clear();
    seen.putAll(current);
    return stalled;
  }

  /** Offsets past the position in the partitions that end more than a commit marker past it. */
  private static long behind(Observation observation) {
    long behind = 0;
    for (Map.Entry<TopicPartition, Long> end : observation.ends().entrySet()) {
      long next = observation.positions().getOrDefault(end.getKey(), -1L) + 1;
      if (end.getValue() - next > 1) {
        behind += end.getValue() - next;
      }
    }
    return behind;
  }
}
