package dev.agentos.command.ingest;

/**
 * What is wrong with one value of an ingested event.
 *
 * @param field where, as a JSON path into the request body, e.g. {@code events[3].limits.cpuTimeMs}
 * @param reason what is wrong, in words, quoting the offending value
 */
public record FieldError(String field, String reason) {}
