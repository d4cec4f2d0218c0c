package dev.agentos.client.command;

/**
 * What a command answers: the id of the item it changed and the item's version after it (also the
 * ETag; send it back as {@code If-Match} to change the item only if nobody else did).
 */
public record CommandResult(String id, long version) {}
