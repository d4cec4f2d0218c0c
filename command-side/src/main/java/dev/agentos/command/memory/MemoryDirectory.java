package dev.agentos.command.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which memories exist in each tenant, in which project, context and state: what a command on one
 * aggregate needs to know about others (the target of a relation, the memories of contexts being
 * merged). Kept by {@link MemoryDirectoryProjection} in the transaction of every command, so it is
 * never behind.
 */
public interface MemoryDirectory {

  /**
   * The memory {@code memoryId} of {@code tenantId}: ids are unique per tenant only, so another
   * tenant's memory of the same id is another memory. The caller still compares projects.
   */
  Optional<Entry> find(String tenantId, String memoryId);

  /** The active memories of these contexts of the tenant, oldest first (ties by id), for merges. */
  List<Entry> activeIn(String tenantId, Collection<String> contextIds);

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
