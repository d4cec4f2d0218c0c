package dev.agentos.projections.memory.search;

import java.util.List;

/**
 * A search of one tenant's memories. Optional filters are null (or empty for tags: every tag given
 * must be on a hit). Superseded, deleted and expired memories are left out unless {@code
 * includeInactive}.
 */
public record MemoryQuery(
    String tenantId,
    String text,
    Mode mode,
    int k,
    String projectId,
    String contextId,
    String type,
    List<String> tags,
    boolean includeInactive) {

  public enum Mode {
    KEYWORD,
    SEMANTIC,
    HYBRID
  }

  public MemoryQuery {
    if (tenantId == null || tenantId.isBlank()) {
      throw new IllegalArgumentException("a search is always scoped to a tenant");
    }
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** Active memories of the tenant, no other filter. */
  public static MemoryQuery of(String tenantId, String text, Mode mode, int k) {
    return new MemoryQuery(tenantId, text, mode, k, null, null, null, List.of(), false);
  }
}
