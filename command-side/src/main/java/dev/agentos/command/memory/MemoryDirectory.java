package dev.agentos.command.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which memories exist, in which tenant, context and state: what a command on one aggregate needs
 * to know about others (the target of a relation, the memories of contexts being merged). Kept by
 * {@link MemoryDirectoryProjection} in the transaction of every command, so it is never behind.
 */
public interface MemoryDirectory {

  /** The memory, in any tenant; the caller compares tenants so that no answer leaks another's. */
  Optional<Entry> find(String memoryId);

  /** The active memories of these contexts, oldest first (ties by id), for merges. */
  List<Entry> activeIn(Collection<String> contextIds);

  /** Where a memory is in its life; a memory collapsed by a context merge reads SUPERSEDED. */
  enum State {
    ACTIVE,
    SUPERSEDED,
    DELETED
  }

  /** One memory as the directory knows it. */
  record Entry(
      String memoryId,
      String tenantId,
      String projectId,
      String contextId,
      String contentHash,
      State state,
      Instant storedAt) {}
}
