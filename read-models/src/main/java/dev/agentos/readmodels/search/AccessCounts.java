package dev.agentos.readmodels.search;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
}
