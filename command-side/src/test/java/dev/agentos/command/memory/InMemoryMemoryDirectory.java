package dev.agentos.command.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link MemoryDirectory} in a map keyed by tenant and id, for aggregate tests. */
public final class InMemoryMemoryDirectory implements MemoryDirectory {

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** Adds a memory of project p1; {@code storedAt} orders memories for merges. */
  public InMemoryMemoryDirectory add(
      String memoryId,
      String tenantId,
      String contextId,
      String content,
      State state,
      Instant storedAt) {
    return add(memoryId, tenantId, "p1", contextId, content, state, storedAt);
  }

  /** Adds a memory of {@code projectId}. */
  public InMemoryMemoryDirectory add(
      String memoryId,
      String tenantId,
      String projectId,
      String contextId,
      String content,
      State state,
      Instant storedAt) {
    entries.put(
        tenantId + "/" + memoryId,
        new Entry(
            memoryId, tenantId, projectId, contextId, ContentHash.of(content), state, storedAt));
    return this;
  }

  @Override
  public Optional<Entry> find(String tenantId, String memoryId) {
    return Optional.ofNullable(entries.get(tenantId + "/" + memoryId));
  }

  @Override
  public List<Entry> activeIn(String tenantId, Collection<String> contextIds) {
    List<Entry> active = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (entry.tenantId().equals(tenantId)
          && contextIds.contains(entry.contextId())
          && entry.state() == State.ACTIVE) {
        active.add(entry);
      }
    }
    active.sort(Comparator.comparing(Entry::storedAt).thenComparing(Entry::memoryId));
    return active;
  }
}
