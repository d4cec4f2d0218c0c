package dev.agentos.command.memory;

import dev.agentos.command.memory.api.Embedding;
import dev.agentos.command.memory.api.MemoryContent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The {@code embedding} of a memory in a request body. */
public record EmbeddingRequest(
    @NotBlank @Size(max = 200) String model,
    @NotEmpty @Size(max = MemoryContent.MAX_DIMENSIONS) List<@NotNull Float> vector) {

  Embedding toEmbedding() {
    return new Embedding(model, vector);
  }
}
