package dev.agentos.command.context;

import jakarta.validation.constraints.NotBlank;

/** Body of {@code PUT /v1/sessions/{id}/context}: the context the session works in from now on. */
public record SwitchContextRequest(@NotBlank String contextId) {}
