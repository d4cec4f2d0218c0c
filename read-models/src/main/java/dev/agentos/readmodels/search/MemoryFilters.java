package dev.agentos.readmodels.search;

import java.time.Instant;
import java.util.List;

/**
 * Optional narrowing of a tenant's and project's memories: null means "any" (tags: every tag given
 * must be on a memory). {@code from} is inclusive and {@code to} exclusive, on the creation time.
 */
public record MemoryFilters(
    String contextId,
    String agentId,
    String sessionId,
    String type,
    List<String> tags,
    Instant from,
    Instant to) {

  public static final MemoryFilters NONE =
      new MemoryFilters(null, null, null, null, List.of(), null, null);

  public MemoryFilters {
    tags = tags == null ? List.of() : List.copyOf(tags);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidQueryException("from", "must be before to (" + from + " >= " + to + ")");
    }
  }

  public MemoryFilters withContext(String context) {
    return new MemoryFilters(context, agentId, sessionId, type, tags, from, to);
  }
}
