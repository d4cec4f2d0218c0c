package dev.agentos.projections.streams;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.readmodels.streams.EventStreams;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@value EventStreams#PROCESSING_GROUP} read model: every event of every stream, one document
 * each, for Kibana.
 *
 * <p>An event Elasticsearch refuses for good (4xx: a field its index maps otherwise) fails its
 * handler as unprocessable, so it is set aside as a dead letter at once. An unreachable or busy
 * Elasticsearch (no connection, 429, 5xx) is different: every event would fail alike and a restart
 * of the cluster would turn the whole stream into dead letters, so the handler waits for it (about
 * two minutes in all) before giving up.
 *
 * <p>This group also indexes the dead-letter topic. A dead letter this group wrote itself that it
 * then cannot index is only logged: failing it would write a dead letter about a dead letter, which
 * this group would read and fail on again, forever.
 */
@ProcessingGroup(EventStreams.PROCESSING_GROUP)
public class EventStreamProjection {

  private static final Logger LOG = LoggerFactory.getLogger(EventStreamProjection.class);

  /** Pauses between attempts while Elasticsearch cannot be reached: two minutes in all. */
  static final List<Duration> OUTAGE_PAUSES =
      List.of(1, 2, 4, 8, 15, 30, 60).stream().map(Duration::ofSeconds).toList();

  /** How the handler waits; a test passes one that only records. */
  interface Pause {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final EventStreamIndexWriter writer;
  private final Pause pause;

  public EventStreamProjection(EventStreamIndexWriter writer) {
    this(writer, duration -> Thread.sleep(duration.toMillis()));
  }

  EventStreamProjection(EventStreamIndexWriter writer, Pause pause) {
    this.writer = writer;
    this.pause = pause;
  }

  @EventHandler
  void on(SpecificRecord event) throws InterruptedException {
    try {
      indexWaitingOutOutages(event);
    } catch (RuntimeException e) {
      if (event instanceof RecordDeadLettered letter
          && EventStreams.PROCESSING_GROUP.equals(letter.getStage())) {
        LOG.warn(
            "could not index dead letter {} of this group ({}:{}@{}), left out of Kibana: {}",
            letter.getHeader().getEventId(),
            letter.getSourceTopic(),
            letter.getSourcePartition(),
            letter.getSourceOffset(),
            e.getMessage());
        return;
      }
      throw e;
    }
  }

  private void indexWaitingOutOutages(SpecificRecord event) throws InterruptedException {
    for (Duration wait : OUTAGE_PAUSES) {
      try {
        writer.index(event);
        return;
      } catch (UncheckedIOException | EventStreamIndexWriter.RefusedForNowException unreachable) {
        LOG.warn(
            "Elasticsearch unreachable or busy, retrying in {}: {}",
            wait,
            unreachable.getMessage());
        pause.sleep(wait);
      }
    }
    writer.index(event);
  }
}
