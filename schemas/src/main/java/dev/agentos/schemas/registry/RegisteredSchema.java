package dev.agentos.schemas.registry;

import org.apache.avro.Schema;

/** One version of a subject: which schema, under which global id. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {}
