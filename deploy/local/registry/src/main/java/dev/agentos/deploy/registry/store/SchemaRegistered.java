package dev.agentos.deploy.registry.store;

/**
 * {@code schema} (canonical Avro JSON) became {@code version} of {@code subject}, under {@code id}.
 */
public record SchemaRegistered(String subject, int version, int id, String schema)
    implements RegistryEvent {}
