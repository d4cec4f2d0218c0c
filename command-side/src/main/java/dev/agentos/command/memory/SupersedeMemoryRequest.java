package dev.agentos.command.memory;

import static dev.agentos.command.FieldLimits.KEY_TOO_LONG;
import static dev.agentos.command.FieldLimits.LABEL;
import static dev.agentos.command.FieldLimits.LABELS;
import static dev.agentos.command.FieldLimits.MAP_ENTRIES;
import static dev.agentos.command.FieldLimits.MAP_KEY;
import static dev.agentos.command.FieldLimits.MAP_VALUE;
import static dev.agentos.command.FieldLimits.REFERENCE_ID;

import dev.agentos.command.memory.api.MemoryContent;
import dev.agentos.command.web.ItemId;
import dev.agentos.events.memory.MemoryType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /v1/memories/{id}/supersede}: the replacement, described as for a store.
 *
 * @param newMemoryId optional id of the replacement; one is made when absent
 * @param reason optional; why the old memory is replaced
 */
public record SupersedeMemoryRequest(
    @ItemId String newMemoryId,
    @NotBlank @Size(max = REFERENCE_ID) String contextId,
    @NotBlank @Size(max = MemoryContent.MAX_CONTENT_LENGTH) String content,
    @NotNull MemoryType type,
    @Size(max = LABELS) List<@NotBlank @Size(max = LABEL) String> tags,
    @Size(max = MAP_ENTRIES)
        Map<
                @NotBlank @Size(max = MAP_KEY, message = KEY_TOO_LONG) String,
                @NotNull @Size(max = MAP_VALUE) String>
            metadata,
    @DecimalMin("0") @DecimalMax("1") Float confidence,
    @Valid EmbeddingRequest embedding,
    Instant expiresAt,
    @Size(max = 1000) String reason) {

  StoreMemoryRequest replacement() {
    return new StoreMemoryRequest(
        newMemoryId, contextId, content, type, tags, metadata, confidence, embedding, expiresAt);
  }
}
