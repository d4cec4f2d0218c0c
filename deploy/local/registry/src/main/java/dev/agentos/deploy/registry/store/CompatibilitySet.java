package dev.agentos.deploy.registry.store;

import dev.agentos.schemas.compat.CompatibilityLevel;

/** The compatibility level of {@code subject}, or the global one when {@code subject} is null. */
public record CompatibilitySet(String subject, CompatibilityLevel level) implements RegistryEvent {}
