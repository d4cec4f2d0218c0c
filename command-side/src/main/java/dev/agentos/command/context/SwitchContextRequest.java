package dev.agentos.command.context;

import static dev.agentos.command.FieldLimits.REFERENCE_ID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /v1/sessions/{id}/context}: the context the session works in from now on. */
public record SwitchContextRequest(@NotBlank @Size(min = 1, max = REFERENCE_ID) String contextId) {}
