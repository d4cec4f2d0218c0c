package dev.agentos.projections.source;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Axon's Kafka source, with streams that tell the pooled streaming processor when records arrive.
 *
 * <p>Why: axon-kafka's stream does not support {@link BlockingStream#setOnAvailableCallback}, and a
 * pooled processor whose stream cannot call back looks for new events only every 500 ms once it has
 * caught up: every event waited 250 ms on average, 500 ms at worst, before its processor saw it
 * (measured: 633 ms median from committed in Kafka to readable in Cassandra). With the callback the
 * processor reads a record as soon as the fetcher has put it in the stream's buffer.
 *
 * <p>The buffer is made here, one per opened stream, and handed to axon-kafka's source through its
 * buffer factory while {@link #openStream} runs, so the stream and its buffer are known together.
 */
final class NotifyingKafkaMessageSource implements StreamableMessageSource<TrackedEventMessage<?>> {

  private final StreamableMessageSource<TrackedEventMessage<?>> kafka;
  private final int bufferCapacity;
  private PollOrderBuffer opening;

  /**
   * @param kafka builds axon-kafka's source around the buffer factory it is given
   * @param bufferCapacity records fetched ahead per open stream
   */
  NotifyingKafkaMessageSource(
      Function<Supplier<Buffer<KafkaEventMessage>>, StreamableMessageSource<TrackedEventMessage<?>>>
          kafka,
      int bufferCapacity) {
    this.kafka = kafka.apply(this::bufferOfOpeningStream);
    this.bufferCapacity = bufferCapacity;
  }

  @Override
  public synchronized BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
    PollOrderBuffer buffer = new PollOrderBuffer(bufferCapacity);
    opening = buffer;
    try {
      return new NotifyingStream(kafka.openStream(token), buffer);
    } finally {
      opening = null;
    }
  }

  /** Called by axon-kafka's source from within {@link #openStream}, on the same thread. */
  private Buffer<KafkaEventMessage> bufferOfOpeningStream() {
    if (opening == null) {
      throw new IllegalStateException(
          "axon-kafka asked for a stream buffer outside openStream: the Kafka source's"
              + " streams can only be opened through NotifyingKafkaMessageSource");
    }
    return opening;
  }

  @Override
  public TrackingToken createTailToken() {
    return kafka.createTailToken();
  }

  @Override
  public TrackingToken createHeadToken() {
    return kafka.createHeadToken();
  }

  @Override
  public TrackingToken createTokenAt(Instant dateTime) {
    return kafka.createTokenAt(dateTime);
  }

  @Override
  public TrackingToken createTokenSince(Duration duration) {
    return kafka.createTokenSince(duration);
  }

  /** axon-kafka's stream, plus the callback its buffer runs when records arrive. */
  private record NotifyingStream(
      BlockingStream<TrackedEventMessage<?>> stream, PollOrderBuffer buffer)
      implements BlockingStream<TrackedEventMessage<?>> {

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
      buffer.onAvailable(callback);
      return true;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
      return stream.peek();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
      return stream.hasNextAvailable(timeout, unit);
    }

    @Override
    public boolean hasNextAvailable() {
      return stream.hasNextAvailable();
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
      return stream.nextAvailable();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
      stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public void close() {
      stream.close();
    }
  }
}
