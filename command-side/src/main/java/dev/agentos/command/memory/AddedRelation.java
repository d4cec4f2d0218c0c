package dev.agentos.command.memory;

/**
 * The answer to relating a memory: the new relation's id, needed to remove it again.
 *
 * @param version the source memory's version after the relation was added
 */
public record AddedRelation(String memoryId, String relationId, long version) {}
