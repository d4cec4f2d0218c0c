package dev.agentos.deploy.registry.json;

/** One version of a subject, as {@code GET /subjects/{s}/versions/{v}} and lookups return it. */
public record SubjectVersionSchema(String subject, int version, int id, String schema) {}
