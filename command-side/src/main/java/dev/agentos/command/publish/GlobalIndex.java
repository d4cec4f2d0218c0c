package dev.agentos.command.publish;

import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * An event's own global index, from the tokens before and after it. Axon's gap-aware token keeps
 * the highest index seen, so an event that committed late and fills a gap leaves the index as it
 * was and only removes its gap; its index is that gap.
 */
final class GlobalIndex {

  private GlobalIndex() {}

  static long of(TrackingToken before, TrackingToken after) {
    if (after instanceof GapAwareTrackingToken now
        && before instanceof GapAwareTrackingToken then
        && now.getIndex() <= then.getIndex()) {
      TreeSet<Long> closed = new TreeSet<>(then.getGaps());
      closed.removeAll(now.getGaps());
      // Axon may drop gaps in the same step (timed out, or too far below the index to be kept);
      // those are older than the one being filled, so lower.
      if (!closed.isEmpty()) {
        return closed.last();
      }
    }
    return after
        .position()
        .orElseThrow(
            () -> new IllegalArgumentException(after + " does not tell its place in the store"));
  }
}
