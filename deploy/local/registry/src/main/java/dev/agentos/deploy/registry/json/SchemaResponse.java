package dev.agentos.deploy.registry.json;

/** {@code GET /schemas/ids/{id}}: the schema text (AVRO, so no schemaType, as Confluent). */
public record SchemaResponse(String schema) {}
