package dev.agentos.deploy.registry.json;

/** Answer to a registration: the schema's global id. */
public record IdResponse(int id) {}
