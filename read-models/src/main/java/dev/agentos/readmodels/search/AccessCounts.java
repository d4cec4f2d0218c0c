package dev.agentos.readmodels.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * How often memories were read, kept beside the search index rather than in it: a count in a memory
 * document would index its vector again at every read. A search asks once for its candidates only,
 * all of them in one call.
 */
@FunctionalInterface
public interface AccessCounts {

  /** No counts kept: every memory counts as never read. */
  AccessCounts NONE = (tenantId, memoryIds) -> CompletableFuture.completedFuture(Map.of());

  /**
   * The reads of each of {@code memoryIds} in {@code tenantId}; a memory never read may be absent.
   */
  CompletableFuture<Map<String, Long>> of(String tenantId, Collection<String> memoryIds);

  /** The reads of a search's candidates: one call, none when there are none. */
  default CompletableFuture<Map<String, Long>> ofCandidates(String tenantId, List<String> ids) {
    return ids.isEmpty() ? CompletableFuture.completedFuture(Map.of()) : of(tenantId, ids);
  }

  /** The counts once read, the store's own failure rethrown as it is. */
  static Map<String, Long> await(CompletableFuture<Map<String, Long>> counts) {
    try {
      return counts.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
