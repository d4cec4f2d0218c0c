package dev.agentos.projections.source;

import java.time.Clock;
import org.axonframework.eventhandling.EventHandler;

/**
 * Sends the records its processing group could not decode to the dead-letter topic. One instance
 * joins every processing group: a processor only passes a message on when one of its handlers takes
 * the payload type, and the read models do not take {@link UndecodableRecord}.
 */
public class UndecodableRecordHandler {

  private final String processingGroup;
  private final DeadLetterSink sink;
  private final Clock clock;

  public UndecodableRecordHandler(String processingGroup, DeadLetterSink sink, Clock clock) {
    this.processingGroup = processingGroup;
    this.sink = sink;
    this.clock = clock;
  }

  public String processingGroup() {
    return processingGroup;
  }

  @EventHandler
  void on(UndecodableRecord record) {
    sink.send(
        DeadLetters.of(
            record.origin(),
            processingGroup,
            "cannot decode " + record.origin().describe() + ": " + record.reason(),
            record.errorClass(),
            1,
            null,
            clock.instant()));
  }
}
