package dev.agentos.readmodels.history;

/** A relation this memory owned at a version (it is the relation's source). */
public record MemoryRelation(
    String relationId, String toMemoryId, String relationType, float strength) {}
