package dev.agentos.deploy.registry.json;

/** A subject and one of its versions: where a schema id is used. */
public record SubjectVersion(String subject, int version) {}
