package dev.agentos.command.eventstore;

import dev.agentos.command.EventTooLargeException;
import dev.agentos.schemas.streams.StreamIds;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses an event whose Avro encoding is over {@value #MAX_ENCODED_BYTES} bytes when a command
 * applies it, before anything is stored: the publisher copies every stored event to Kafka as one
 * record, and Kafka takes records of at most 1 MiB ({@code max.request.size}), key, headers and
 * framing included. The limit leaves them about 140 KB. One interceptor on the event store, so
 * every aggregate and every command obeys it; the command fails with {@link EventTooLargeException}
 * (413) and its unit of work rolls back.
 */
@Configuration(proxyBeanMethods = false)
public class EventSizeLimit {

  /** The most bytes an event's Avro encoding may take. */
  public static final int MAX_ENCODED_BYTES = 900_000;

  @Bean
  MessageDispatchInterceptor<EventMessage<?>> eventSizeCheck(EventStore eventStore) {
    MessageDispatchInterceptor<EventMessage<?>> check = EventSizeLimit::checkEach;
    eventStore.registerDispatchInterceptor(check);
    return check;
  }

  static BiFunction<Integer, EventMessage<?>, EventMessage<?>> checkEach(
      List<? extends EventMessage<?>> events) {
    return (index, event) -> {
      if (event.getPayload() instanceof SpecificRecord record) {
        check(
            event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null,
            record);
      }
      return event;
    };
  }

  /**
   * Throws naming the event, its item and its largest field when {@code event} is over the limit.
   *
   * @param itemId the id of the aggregate it is of, as the event store names it (a stream id); null
   *     when none
   */
  public static void check(String itemId, SpecificRecord event) {
    SpecificData model = SpecificData.getForClass(event.getClass());
    long size = encodedSize(model, event.getSchema(), event);
    if (size <= MAX_ENCODED_BYTES) {
      return;
    }
    Schema.Field largest = null;
    long largestSize = -1;
    for (Schema.Field field : event.getSchema().getFields()) {
      long fieldSize = encodedSize(model, field.schema(), event.get(field.pos()));
      if (fieldSize > largestSize) {
        largest = field;
        largestSize = fieldSize;
      }
    }
    String described =
        event.getSchema().getName() + " event" + (itemId == null ? "" : " of " + publicId(itemId));
    throw new EventTooLargeException(
        described, size, MAX_ENCODED_BYTES, largest.name(), largestSize);
  }

  /** The id the client knows: a stream id names the tenant too, which the client did not send. */
  private static String publicId(String aggregateId) {
    try {
      return StreamIds.idOf(aggregateId);
    } catch (IllegalArgumentException notAStreamId) {
      return aggregateId;
    }
  }

  /** The bytes {@code value} takes in Avro's binary encoding, counted without keeping them. */
  static long encodedSize(SpecificData model, Schema schema, Object value) {
    CountingStream counted = new CountingStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(counted, null);
    try {
      new SpecificDatumWriter<>(schema, model).write(value, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counted.count;
  }

  private static final class CountingStream extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      count += length;
    }
  }
}
