package dev.agentos.deploy.registry.store;

/** A change of the registry, as stored in the {@code _schemas} topic and replayed on start. */
public sealed interface RegistryEvent permits SchemaRegistered, CompatibilitySet {}
