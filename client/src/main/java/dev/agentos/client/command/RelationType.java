package dev.agentos.client.command;

/** How one memory relates to another, directed from the memory to {@code toMemoryId}. */
public enum RelationType {
  RELATED_TO,
  DEPENDS_ON,
  SUPPORTS,
  CONTRADICTS,
  DERIVED_FROM,
  FIXES,
  PART_OF
}
