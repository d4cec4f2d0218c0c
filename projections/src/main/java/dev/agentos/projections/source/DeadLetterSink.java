package dev.agentos.projections.source;

import dev.agentos.events.deadletters.RecordDeadLettered;

/**
 * Where dead letters go. {@link #send} returns only once the letter is durable: the processor moves
 * its token past the record right after, so a letter lost on the way would lose the record.
 */
public interface DeadLetterSink {

  void send(RecordDeadLettered letter);
}
