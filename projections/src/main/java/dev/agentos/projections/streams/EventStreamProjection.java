package dev.agentos.projections.streams;

import org.apache.avro.specific.SpecificRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * The {@value EventStreams#PROCESSING_GROUP} read model: every event of every stream, one document
 * each, for Kibana. An event Elasticsearch refuses fails its handler, so the processor retries it
 * and then sets it aside as a dead letter like any other handler failure.
 */
@ProcessingGroup(EventStreams.PROCESSING_GROUP)
public class EventStreamProjection {

  private final EventStreamIndexWriter writer;

  public EventStreamProjection(EventStreamIndexWriter writer) {
    this.writer = writer;
  }

  @EventHandler
  void on(SpecificRecord event) {
    writer.index(event);
  }
}
