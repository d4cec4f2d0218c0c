package dev.agentos.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.auth.Caller;
import dev.agentos.auth.Ids;
import dev.agentos.auth.PayloadTooLargeException;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.schemas.topics.EventKeys;
import dev.agentos.schemas.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Ingests a batch of raw events: reads and validates every event, produces the valid ones to their
 * RAW topic keyed by {@link EventKeys}, and answers only once Kafka has acknowledged each of them
 * (or given up). An event is reported accepted only after that acknowledgement, so an accepted
 * event is never lost; an invalid event is never produced, whatever the rest of the batch holds.
 */
public final class EventBatchIngest {

  private final Producer<String, SpecificRecord> producer;
  private final RawEventReader reader;
  private final int maxEvents;
  private final Duration ackTimeout;

  /**
   * @param ackTimeout how long to wait, after the last send, for Kafka's acknowledgements
   */
  public EventBatchIngest(
      Producer<String, SpecificRecord> producer,
      RawEventReader reader,
      int maxEvents,
      Duration ackTimeout) {
    this.producer = producer;
    this.reader = reader;
    this.maxEvents = maxEvents;
    this.ackTimeout = ackTimeout;
  }

  /**
   * @param body the request body, {@code {"events": [...]}}
   * @param sessionId the request's session, for events naming none
   * @param traceId the request's trace, for events naming none
   * @throws InvalidCommandException when the body is not a batch of events at all
   * @throws PayloadTooLargeException when it holds more than the configured number of events
   */
  public IngestResponse ingest(JsonNode body, Caller caller, String sessionId, String traceId) {
    JsonNode events = eventsOf(body);
    RawEventReader.ReadEvent[] read = new RawEventReader.ReadEvent[events.size()];
    for (int i = 0; i < read.length; i++) {
      read[i] = reader.read(events.get(i), i, caller, sessionId, traceId);
    }
    refuseContextIdsThatAreNoIds(events, read);
    refuseReusedEventIds(events, read);
    Map<Integer, Future<RecordMetadata>> sent = new LinkedHashMap<>();
    EventResult[] results = new EventResult[read.length];
    for (int i = 0; i < read.length; i++) {
      if (!read[i].valid()) {
        results[i] = EventResult.rejected(i, read[i].eventId(), read[i].errors());
        continue;
      }
      SpecificRecord event = read[i].event();
      String topic = Topics.producedTo(event.getClass()).name();
      try {
        sent.put(i, producer.send(new ProducerRecord<>(topic, EventKeys.keyOf(event), event)));
      } catch (KafkaException e) {
        // Sending fails at once when the registry or the cluster's metadata is out of reach.
        results[i] = notWritten(i, read[i].eventId(), e);
      }
    }
    long deadline = System.nanoTime() + ackTimeout.toNanos();
    for (Map.Entry<Integer, Future<RecordMetadata>> send : sent.entrySet()) {
      int i = send.getKey();
      results[i] = acknowledged(i, read[i].eventId(), send.getValue(), deadline);
    }
    return IngestResponse.of(List.of(results));
  }

  /**
   * An event's own {@code sessionId} and {@code traceId} follow the rule every id does ({@link
   * Ids}), as the {@code X-Session-Id} and {@code X-Trace-Id} headers they stand in for do: the
   * session decides the event's Kafka key and is stored with it.
   */
  private static void refuseContextIdsThatAreNoIds(
      JsonNode events, RawEventReader.ReadEvent[] read) {
    for (int i = 0; i < read.length; i++) {
      for (String field : List.of(RawEventReader.SESSION_ID, RawEventReader.TRACE_ID)) {
        JsonNode id = events.get(i).path(field);
        if (read[i].valid()
            && id.isTextual()
            && !id.textValue().isBlank()
            && !Ids.valid(id.textValue())) {
          read[i] = refused(read[i], "events[" + i + "]." + field, Ids.RULE);
        }
      }
    }
  }

  private static RawEventReader.ReadEvent refused(
      RawEventReader.ReadEvent event, String field, String reason) {
    return new RawEventReader.ReadEvent(
        event.eventId(), null, List.of(new FieldError(field, reason)));
  }

  /**
   * An eventId names one event: the dedup stage keeps the first event with an id and drops every
   * later one. So an event that repeats an earlier eventId of the batch with other content is
   * refused here, where the client still hears of it; a repeat with the same content is a resend,
   * accepted and dropped as such.
   */
  private static void refuseReusedEventIds(JsonNode events, RawEventReader.ReadEvent[] read) {
    Map<String, Integer> firstWithId = new HashMap<>();
    for (int i = 0; i < read.length; i++) {
      if (!read[i].valid()) {
        continue;
      }
      Integer first = firstWithId.putIfAbsent(read[i].eventId(), i);
      if (first != null && !events.get(first).equals(events.get(i))) {
        read[i] =
            refused(
                read[i],
                "events[" + i + "]." + RawEventReader.EVENT_ID,
                "repeats the eventId of events["
                    + first
                    + "] with other content; an eventId names one event, give this one its own");
      }
    }
  }

  private JsonNode eventsOf(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidCommandException("events", "the body must be an object {\"events\": [...]}");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("events")) {
        throw new InvalidCommandException(name, "unknown field; the body holds only \"events\"");
      }
    }
    JsonNode events = body.get("events");
    if (events == null || !events.isArray() || events.isEmpty()) {
      throw new InvalidCommandException(
          "events", "must be an array of 1 to " + maxEvents + " events");
    }
    if (events.size() > maxEvents) {
      throw new PayloadTooLargeException(
          "the batch holds "
              + events.size()
              + " events, more than the limit of "
              + maxEvents
              + "; send them in several requests");
    }
    return events;
  }

  private static EventResult acknowledged(
      int index, String eventId, Future<RecordMetadata> send, long deadline) {
    try {
      RecordMetadata written =
          send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return EventResult.accepted(
          index, eventId, written.topic(), written.partition(), written.offset());
    } catch (ExecutionException e) {
      return notWritten(index, eventId, e.getCause());
    } catch (TimeoutException e) {
      return EventResult.failed(index, eventId, "Kafka did not acknowledge it in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EventResult.failed(index, eventId, "interrupted while waiting for Kafka");
    }
  }

  /**
   * An event Kafka did not take. Most causes pass (a broker or the registry is away), so the client
   * should resend; an event too large for Kafka never fits, so resending it cannot help.
   */
  private static EventResult notWritten(int index, String eventId, Throwable cause) {
    if (cause instanceof RecordTooLargeException) {
      return EventResult.rejected(
          index,
          eventId,
          List.of(
              new FieldError(
                  "events[" + index + "]",
                  "too large for Kafka once encoded (" + cause.getMessage() + "); shorten it")));
    }
    return EventResult.failed(
        index,
        eventId,
        "not written to Kafka ("
            + cause.getClass().getSimpleName()
            + ": "
            + cause.getMessage()
            + "); resend it with the same eventId");
  }
}
