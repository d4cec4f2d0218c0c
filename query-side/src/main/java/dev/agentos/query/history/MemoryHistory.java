package dev.agentos.query.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every version of a memory, from its events in the event store, within one tenant: another
 * tenant's memory has no history here, exactly as if it did not exist. A deleted memory keeps its
 * history, its last version DELETED.
 */
@Component
public class MemoryHistory {

  private final MemoryEventStore store;

  public MemoryHistory(MemoryEventStore store) {
    this.store = store;
  }

  /** The memory's versions, oldest first; empty when the tenant has no memory of this id. */
  public List<MemoryVersion> versions(String tenantId, String memoryId) {
    List<MemoryVersion> versions = MemoryHistoryFold.versions(store.events(tenantId, memoryId));
    // The stream is the tenant's own; the check stays so that no mix-up can ever show another's.
    if (versions.isEmpty() || !versions.get(0).tenantId().equals(tenantId)) {
      return List.of();
    }
    return versions;
  }

  /**
   * The latest version whose event happened at or before {@code instant}; empty before the first
   * event, or when the tenant has no memory of this id.
   */
  public Optional<MemoryVersion> asOf(String tenantId, String memoryId, Instant instant) {
    return latestAtOrBefore(versions(tenantId, memoryId), instant);
  }

  static Optional<MemoryVersion> latestAtOrBefore(List<MemoryVersion> versions, Instant instant) {
    MemoryVersion found = null;
    for (MemoryVersion v : versions) {
      if (v.occurredAt().isAfter(instant)) {
        break;
      }
      found = v;
    }
    return Optional.ofNullable(found);
  }
}
