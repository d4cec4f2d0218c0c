package dev.agentos.client.command;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/memories} (MEMORY_WRITE), and one item of {@code POST /v1/memories/batch}: a
 * memory in an open context. Absent (null) fields take the command side's defaults.
 *
 * @param memoryId null: the command side chooses one
 * @param confidence 0 to 1; null: 1
 * @param embedding null: the projections compute one
 */
public record StoreMemory(
    String memoryId,
    String contextId,
    String content,
    MemoryType type,
    List<String> tags,
    Map<String, String> metadata,
    Float confidence,
    Embedding embedding,
    Instant expiresAt) {

  public static StoreMemory of(String contextId, MemoryType type, String content) {
    return new StoreMemory(null, contextId, content, type, null, null, null, null, null);
  }

  public StoreMemory withMemoryId(String memoryId) {
    return new StoreMemory(
        memoryId, contextId, content, type, tags, metadata, confidence, embedding, expiresAt);
  }

  public StoreMemory withTags(List<String> tags) {
    return new StoreMemory(
        memoryId, contextId, content, type, tags, metadata, confidence, embedding, expiresAt);
  }

  public StoreMemory withMetadata(Map<String, String> metadata) {
    return new StoreMemory(
        memoryId, contextId, content, type, tags, metadata, confidence, embedding, expiresAt);
  }
}
