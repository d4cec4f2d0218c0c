package dev.agentos.client.command;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code PATCH /v1/memories/{id}} (MEMORY_WRITE): the fields to change; absent (null) fields keep
 * their value.
 */
public record UpdateMemory(
    String content,
    MemoryType type,
    List<String> tags,
    Map<String, String> metadata,
    Float confidence,
    Embedding embedding,
    Instant expiresAt) {

  /** A patch of the content only. */
  public static UpdateMemory content(String content) {
    return new UpdateMemory(content, null, null, null, null, null, null);
  }
}
