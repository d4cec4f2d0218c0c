package dev.agentos.command.memory;

import static dev.agentos.command.FieldLimits.KEY_TOO_LONG;
import static dev.agentos.command.FieldLimits.LABEL;
import static dev.agentos.command.FieldLimits.LABELS;
import static dev.agentos.command.FieldLimits.MAP_ENTRIES;
import static dev.agentos.command.FieldLimits.MAP_KEY;
import static dev.agentos.command.FieldLimits.MAP_VALUE;

import dev.agentos.command.memory.api.MemoryContent;
import dev.agentos.command.memory.api.MemoryPatch;
import dev.agentos.events.memory.MemoryType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code PATCH /v1/memories/{id}}: the fields to change; an absent or null field keeps its
 * value.
 */
public record UpdateMemoryRequest(
    @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @Size(max = MemoryContent.MAX_CONTENT_LENGTH)
        String content,
    MemoryType type,
    @Size(max = LABELS) List<@NotBlank @Size(max = LABEL) String> tags,
    @Size(max = MAP_ENTRIES)
        Map<
                @NotBlank @Size(max = MAP_KEY, message = KEY_TOO_LONG) String,
                @NotNull @Size(max = MAP_VALUE) String>
            metadata,
    @DecimalMin("0") @DecimalMax("1") Float confidence,
    @Valid EmbeddingRequest embedding,
    Instant expiresAt) {

  MemoryPatch toPatch() {
    return new MemoryPatch(
        content,
        type,
        tags,
        metadata,
        confidence,
        embedding == null ? null : embedding.toEmbedding(),
        expiresAt);
  }
}
