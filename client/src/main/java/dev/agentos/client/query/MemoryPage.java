package dev.agentos.client.query;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One page of a list. It may hold fewer items than asked, even none, while {@code nextCursor} is
 * set; only a null {@code nextCursor} ends the list.
 */
public record MemoryPage(List<Item> items, String nextCursor) {

  /** A memory as lists show it. */
  public record Item(
      String id,
      String projectId,
      String contextId,
      String agentId,
      String sessionId,
      String type,
      String content,
      Set<String> tags,
      float confidence,
      Instant createdAt,
      Instant updatedAt,
      Instant expiresAt) {}
}
