package dev.agentos.client.command;

/** {@code PUT /v1/sessions/{id}/context} (MEMORY_WRITE): the session's new active context. */
public record SwitchContext(String contextId) {}
