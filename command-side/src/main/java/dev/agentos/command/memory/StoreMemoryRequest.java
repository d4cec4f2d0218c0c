package dev.agentos.command.memory;

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
import java.util.Objects;

/**
 * Body of {@code POST /v1/memories}.
 *
 * @param memoryId optional; one is made when absent
 * @param confidence optional; 1 when absent
 */
public record StoreMemoryRequest(
    @ItemId String memoryId,
    @NotBlank @Size(max = 255) String contextId,
    @NotBlank @Size(max = MemoryContent.MAX_CONTENT_LENGTH) String content,
    @NotNull MemoryType type,
    @Size(max = 100) List<@NotBlank @Size(max = 100) String> tags,
    @Size(max = 100) Map<@NotBlank String, @NotNull String> metadata,
    @DecimalMin("0") @DecimalMax("1") Float confidence,
    @Valid EmbeddingRequest embedding,
    Instant expiresAt) {

  MemoryContent toContent() {
    return new MemoryContent(
        content,
        type,
        tags,
        metadata,
        Objects.requireNonNullElse(confidence, 1f),
        embedding == null ? null : embedding.toEmbedding(),
        expiresAt);
  }
}
