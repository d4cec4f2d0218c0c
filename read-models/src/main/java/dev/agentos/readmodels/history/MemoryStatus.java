package dev.agentos.readmodels.history;

/** Where a memory stands after an event: deleted memories keep their history. */
public enum MemoryStatus {
  ACTIVE,
  SUPERSEDED,
  DELETED
}
