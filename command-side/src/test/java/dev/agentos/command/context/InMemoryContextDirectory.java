package dev.agentos.command.context;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ContextDirectory} in a map keyed by tenant and id, for aggregate tests; locks are not
 * needed in one thread.
 */
public final class InMemoryContextDirectory implements ContextDirectory {

  private final Map<String, Entry> entries = new HashMap<>();

  /** An open context of project p1. */
  public InMemoryContextDirectory open(String contextId, String tenantId, String name) {
    return open(contextId, tenantId, "p1", name);
  }

  public InMemoryContextDirectory open(
      String contextId, String tenantId, String projectId, String name) {
    entries.put(tenantId + "/" + contextId, new Entry(contextId, tenantId, projectId, name, null));
    return this;
  }

  public InMemoryContextDirectory merged(String contextId, String tenantId, String into) {
    entries.put(tenantId + "/" + contextId, new Entry(contextId, tenantId, "p1", contextId, into));
    return this;
  }

  @Override
  public Optional<Entry> find(String tenantId, String contextId) {
    return Optional.ofNullable(entries.get(tenantId + "/" + contextId));
  }

  @Override
  public Optional<Entry> lockForMerge(String tenantId, String contextId) {
    return find(tenantId, contextId);
  }

  @Override
  public Optional<String> openContextNamed(String tenantId, String projectId, String name) {
    return entries.values().stream()
        .filter(e -> e.tenantId().equals(tenantId) && e.projectId().equals(projectId))
        .filter(e -> e.name().equals(name) && e.mergedInto() == null)
        .map(Entry::contextId)
        .filter(Objects::nonNull)
        .findFirst();
  }
}
