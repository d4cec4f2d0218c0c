package dev.agentos.projections.memory.cassandra;

/** Where a memory stands in the read model; only ACTIVE memories are listed. */
public enum MemoryState {
  ACTIVE,
  SUPERSEDED,
  DELETED
}
