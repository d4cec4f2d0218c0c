package dev.agentos.command.dedup;

import dev.agentos.command.ingest.EventIds;
import dev.agentos.command.ingest.InvalidEventIdException;
import dev.agentos.events.common.EventHeader;
import dev.agentos.schemas.topics.EventKeys;
import dev.agentos.schemas.topics.Topic;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Passes each event of a raw topic to its canonical topic once: an {@code eventId} seen within the
 * window is dropped. A record that cannot be decoded, is not an event this topic carries, or has no
 * valid {@code eventId} goes to the dead-letter topic with the reason. The raw bytes are passed on
 * unchanged, so the canonical record keeps the producer's schema id.
 *
 * <p>Deduplication is per partition: a retry must carry the same key as the original, which the
 * topic contract guarantees (raw topics are keyed by a field of the event itself).
 */
final class DeduplicationProcessor implements Processor<String, byte[], String, Object> {

  private final Topic<String, ?> raw;
  private final String storeName;
  private final String canonicalSink;
  private final String deadLetterSink;
  private final String stage;
  private final Duration window;
  private final Deserializer<Object> events;
  private ProcessorContext<String, Object> context;
  private WindowStore<String, Long> seen;

  DeduplicationProcessor(
      Topic<String, ?> raw,
      String storeName,
      String canonicalSink,
      String deadLetterSink,
      String stage,
      Duration window,
      Deserializer<Object> events) {
    this.raw = raw;
    this.storeName = storeName;
    this.canonicalSink = canonicalSink;
    this.deadLetterSink = deadLetterSink;
    this.stage = stage;
    this.window = window;
    this.events = events;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    RecordMetadata source = context.recordMetadata().orElseThrow();
    Object decoded;
    try {
      decoded = events.deserialize(source.topic(), record.value());
    } catch (RuntimeException e) {
      deadLetter(record, source, "undecodable: " + e.getMessage(), e, null);
      return;
    }
    if (!(decoded instanceof SpecificRecord event) || !raw.carries(event.getClass())) {
      String type = decoded == null ? "a tombstone (null value)" : decoded.getClass().getName();
      deadLetter(record, source, type + " is not an event " + raw.name() + " carries", null, null);
      return;
    }
    EventHeader header = EventKeys.headerOf(event);
    String eventId;
    try {
      eventId = EventIds.canonical(header.getEventId());
    } catch (InvalidEventIdException e) {
      deadLetter(record, source, "header." + e.getMessage(), e, header);
      return;
    }
    if (isRepeat(eventId, record.timestamp())) {
      return;
    }
    seen.put(eventId, record.timestamp(), record.timestamp());
    context.forward(record.withValue((Object) record.value()), canonicalSink);
  }

  private boolean isRepeat(String eventId, long timestamp) {
    long span = window.toMillis();
    try (WindowStoreIterator<Long> earlier =
        seen.fetch(eventId, timestamp - span, timestamp + span)) {
      return earlier.hasNext();
    }
  }

  private void deadLetter(
      Record<String, byte[]> record,
      RecordMetadata source,
      String reason,
      Throwable cause,
      EventHeader header) {
    Object letter = DeadLetters.of(record, source, stage, reason, cause, header);
    String key = source.topic() + "/" + source.partition();
    // Without the raw record's headers: the letter carries them, cut to bounds, and the raw ones
    // alone can be close to the record limit.
    context.forward(
        record.withKey(key).withValue(letter).withHeaders(new RecordHeaders()), deadLetterSink);
  }
}
