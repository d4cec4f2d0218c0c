package dev.agentos.projections.memory;

import org.apache.avro.specific.SpecificRecord;

/**
 * An event as the Cassandra memory read models apply it, with its place in its streams: what the
 * writes need to skip a redelivered event without a lightweight transaction.
 *
 * @param event a memory, relation, context or access event
 * @param sequence its memory aggregate's sequence number (memory and relation events), else {@link
 *     #NO_SEQUENCE}: a memory row remembers the last one applied as its {@code version}
 * @param reader the key the processor sequences the event by (its record key): events of one reader
 *     arrive in order, on one thread, so the access tally kept per memory and reader has a single
 *     writer
 */
public record ReadModelEvent(SpecificRecord event, long sequence, String reader) {

  public static final long NO_SEQUENCE = -1;
}
