package dev.agentos.query.history;

import org.apache.avro.specific.SpecificRecord;

/**
 * One event of a memory aggregate as the event store holds it.
 *
 * @param sequence the aggregate's sequence number, from 0
 * @param payload the decoded Avro event
 */
public record StoredEvent(long sequence, SpecificRecord payload) {}
