package dev.agentos.client.command;

/** A relation added: its id (to remove it later) and the memory's version after it. */
public record AddedRelation(String memoryId, String relationId, long version) {}
