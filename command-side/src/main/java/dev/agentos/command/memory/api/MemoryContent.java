package dev.agentos.command.memory.api;

import dev.agentos.command.FieldLimits;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.events.memory.MemoryType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything about a memory that its writer chooses and may later change. {@link #validate} holds
 * the value rules every store, update and supersede obeys, so the aggregate only decides on state.
 *
 * @param confidence how sure the writer is, in [0,1]
 * @param embedding null when none was computed yet
 * @param expiresAt null keeps the memory; otherwise it must lie in the future
 */
public record MemoryContent(
    String content,
    MemoryType type,
    List<String> tags,
    Map<String, String> metadata,
    float confidence,
    Embedding embedding,
    Instant expiresAt) {

  /** Longest content accepted: a memory travels as one Kafka record, which has a size limit. */
  public static final int MAX_CONTENT_LENGTH = FieldLimits.SOURCE_TEXT;

  public static final int MAX_DIMENSIONS = 8_192;

  /**
   * Copies the collections (keeping any null element for {@link #validateValues} to name) and cuts
   * {@code expiresAt} to milliseconds, the precision its event field keeps, so that a state read
   * back from the event store equals the one that was stored.
   */
  public MemoryContent {
    tags = tags == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tags));
    metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(metadata));
    expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /** Throws {@link InvalidCommandException} naming the first field that breaks a rule. */
  public void validate(Instant now) {
    validateValues();
    validateExpiry(expiresAt, now);
  }

  /**
   * Checks an expiry being set. Kept apart from {@link #validateValues} because an update that
   * leaves an already passed expiry alone must not be refused for it.
   */
  public static void validateExpiry(Instant expiresAt, Instant now) {
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new InvalidCommandException("expiresAt", "must be in the future");
    }
    FieldLimits.requireExpiryWithinReach("expiresAt", expiresAt, now);
  }

  /** Every rule except the expiry's, which depends on the time it is set. */
  public void validateValues() {
    if (content == null || content.isBlank()) {
      throw new InvalidCommandException("content", "must not be blank");
    }
    if (content.length() > MAX_CONTENT_LENGTH) {
      throw new InvalidCommandException(
          "content", "must be at most " + MAX_CONTENT_LENGTH + " characters");
    }
    if (type == null) {
      throw new InvalidCommandException("type", "must be one of " + List.of(MemoryType.values()));
    }
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i) == null || tags.get(i).isBlank()) {
        throw new InvalidCommandException("tags[" + i + "]", "must not be blank");
      }
    }
    FieldLimits.requireItems("tags", tags, FieldLimits.LABELS, FieldLimits.LABEL);
    metadata.forEach(
        (key, value) -> {
          if (key == null || key.isBlank() || value == null) {
            throw new InvalidCommandException(
                "metadata", "keys must not be blank and values not null");
          }
        });
    FieldLimits.requireEntries(
        "metadata", metadata, FieldLimits.MAP_ENTRIES, FieldLimits.MAP_KEY, FieldLimits.MAP_VALUE);
    if (!(confidence >= 0f && confidence <= 1f)) {
      throw new InvalidCommandException("confidence", "must be between 0 and 1");
    }
    if (embedding != null) {
      validate(embedding);
    }
  }

  /** The names of the fields that differ in {@code after}, in the order of the schema. */
  public List<String> changedFields(MemoryContent after) {
    List<String> changed = new ArrayList<>();
    addIf(changed, "content", content, after.content);
    addIf(changed, "type", type, after.type);
    addIf(changed, "tags", tags, after.tags);
    addIf(changed, "metadata", metadata, after.metadata);
    addIf(changed, "confidence", confidence, after.confidence);
    addIf(changed, "embedding", embedding, after.embedding);
    addIf(changed, "expiresAt", expiresAt, after.expiresAt);
    return changed;
  }

  private static void addIf(List<String> changed, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changed.add(field);
    }
  }

  private static void validate(Embedding embedding) {
    if (embedding.model() == null || embedding.model().isBlank()) {
      throw new InvalidCommandException("embedding.model", "must not be blank");
    }
    List<Float> vector = embedding.vector();
    if (vector == null || vector.isEmpty() || vector.size() > MAX_DIMENSIONS) {
      throw new InvalidCommandException(
          "embedding.vector", "must hold 1 to " + MAX_DIMENSIONS + " values");
    }
    for (int i = 0; i < vector.size(); i++) {
      if (vector.get(i) == null || !Float.isFinite(vector.get(i))) {
        throw new InvalidCommandException(
            "embedding.vector[" + i + "]", "must be a finite number (float range)");
      }
    }
  }
}
