package dev.agentos.command.memory.api;

import dev.agentos.command.InvalidCommandException;
import dev.agentos.events.memory.MemoryType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The fields an update sets; a null field keeps its current value. Clearing an embedding or an
 * expiry is not a patch: supersede the memory with one that has none.
 */
public record MemoryPatch(
    String content,
    MemoryType type,
    List<String> tags,
    Map<String, String> metadata,
    Float confidence,
    Embedding embedding,
    Instant expiresAt) {

  public boolean isEmpty() {
    return content == null
        && type == null
        && tags == null
        && metadata == null
        && confidence == null
        && embedding == null
        && expiresAt == null;
  }

  /**
   * {@code current} with this patch's fields applied, checked like a new memory's content, except
   * that an expiry the patch leaves alone is not refused for having passed meanwhile.
   */
  public MemoryContent applyTo(MemoryContent current, Instant now) {
    if (isEmpty()) {
      throw new InvalidCommandException("body", "name at least one field to change");
    }
    MemoryContent after =
        new MemoryContent(
            or(content, current.content()),
            or(type, current.type()),
            or(tags, current.tags()),
            or(metadata, current.metadata()),
            or(confidence, current.confidence()),
            or(embedding, current.embedding()),
            or(expiresAt, current.expiresAt()));
    after.validateValues();
    MemoryContent.validateExpiry(expiresAt, now);
    return after;
  }

  private static <T> T or(T patched, T current) {
    return patched != null ? patched : current;
  }
}
