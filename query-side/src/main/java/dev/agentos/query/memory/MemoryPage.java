package dev.agentos.query.memory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of a memory list. A page can hold fewer than {@code limit} items (even none) while
 * {@code nextCursor} is set, when filters the tables do not key on (agent, session, a second tag)
 * skipped many rows; only a null {@code nextCursor} means the list is done.
 */
public record MemoryPage(
    List<MemorySummary> items,
    @Schema(description = "pass as ?cursor= for the next page; null on the last page")
        String nextCursor) {}
