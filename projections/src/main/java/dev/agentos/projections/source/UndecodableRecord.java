package dev.agentos.projections.source;

/**
 * The payload of a record that could not be turned into an event (garbage bytes, a schema unknown
 * to the registry, no generated class): it still travels through the processor, in its place, so
 * that the dead letter is written before the token moves past it.
 */
public record UndecodableRecord(KafkaRecordOrigin origin, String reason, String errorClass) {}
