package dev.agentos.command.memory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /v1/memories/batch}: up to 500 memories, stored together or not at all. */
public record StoreMemoriesRequest(
    @NotEmpty @Size(max = 500) List<@Valid StoreMemoryRequest> memories) {}
