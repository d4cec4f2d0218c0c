package dev.agentos.client.command;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/memories/{id}/supersede} (MEMORY_WRITE): the replacement, stored and the old
 * memory marked superseded by it, both or neither.
 *
 * @param newMemoryId null: the command side chooses one
 * @param reason why, kept in the event, or null
 */
public record SupersedeMemory(
    String newMemoryId,
    String contextId,
    String content,
    MemoryType type,
    List<String> tags,
    Map<String, String> metadata,
    Float confidence,
    Embedding embedding,
    Instant expiresAt,
    String reason) {

  public static SupersedeMemory of(
      String contextId, MemoryType type, String content, String reason) {
    return new SupersedeMemory(
        null, contextId, content, type, null, null, null, null, null, reason);
  }
}
