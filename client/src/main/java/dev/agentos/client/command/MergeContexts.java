package dev.agentos.client.command;

import java.util.List;

/**
 * {@code POST /v1/contexts/merge} (MEMORY_WRITE): two or more open contexts into a new one named
 * {@code name}; memories keep their ids, duplicates by content collapse.
 *
 * @param targetContextId the new context's id; null: the command side chooses one
 */
public record MergeContexts(List<String> sourceContextIds, String name, String targetContextId) {}
