package dev.agentos.readmodels.memory;

/** Where a memory stands in the read model; only ACTIVE memories are listed. */
public enum MemoryState {
  ACTIVE,
  SUPERSEDED,
  DELETED
}
