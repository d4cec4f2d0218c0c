package dev.agentos.projections.source;

import java.util.Collection;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;

/**
 * Hands records to the processor in the order the consumer polled them, instead of axon-kafka's
 * default buffer, which sorts them by record timestamp.
 *
 * <p>Why: each message's tracking token is the consumer's position after that record, so tokens
 * only grow in poll order. A pooled streaming processor skips an event whose token is covered by
 * one it already handled; sorted by timestamp, a record polled later (another partition, older
 * timestamp) comes first, its token covers the records polled before it, and those are skipped.
 * With a backlog in several partitions (a replay, or a read model built on existing data) that lost
 * about half of the events in ReplayIT. Order within a partition is all the read models need.
 *
 * <p>It also tells its reader when records arrive ({@link #onAvailable}), so the processor reads
 * them at once instead of at its next poll (see {@link NotifyingKafkaMessageSource}).
 */
final class PollOrderBuffer implements Buffer<KafkaEventMessage> {

  private final LinkedBlockingQueue<KafkaEventMessage> queue;
  private volatile RuntimeException failure;
  private volatile Runnable onAvailable = () -> {};

  PollOrderBuffer(int capacity) {
    this.queue = new LinkedBlockingQueue<>(capacity);
  }

  /** Runs {@code callback} (on the fetcher's thread) whenever records or a failure arrive. */
  void onAvailable(Runnable callback) {
    this.onAvailable = callback;
  }

  @Override
  public void put(KafkaEventMessage message) throws InterruptedException {
    queue.put(message);
    onAvailable.run();
  }

  /**
   * Adds a poll's records and then tells the reader once; a full buffer tells it before the fetcher
   * waits for room.
   */
  @Override
  public void putAll(Collection<KafkaEventMessage> messages) throws InterruptedException {
    for (KafkaEventMessage message : messages) {
      if (!queue.offer(message)) {
        onAvailable.run();
        queue.put(message);
      }
    }
    if (!messages.isEmpty()) {
      onAvailable.run();
    }
  }

  @Override
  public KafkaEventMessage poll(long timeout, TimeUnit unit) throws InterruptedException {
    rethrow();
    return queue.poll(timeout, unit);
  }

  @Override
  public KafkaEventMessage take() throws InterruptedException {
    rethrow();
    return queue.take();
  }

  @Override
  public KafkaEventMessage peek() {
    rethrow();
    return queue.peek();
  }

  @Override
  public int size() {
    return queue.size();
  }

  @Override
  public boolean isEmpty() {
    return queue.isEmpty();
  }

  @Override
  public int remainingCapacity() {
    return queue.remainingCapacity();
  }

  @Override
  public void clear() {
    queue.clear();
  }

  /** The fetcher failed: the stream's reader gets the failure instead of waiting forever. */
  @Override
  public void setException(RuntimeException exception) {
    this.failure = exception;
    onAvailable.run();
  }

  private void rethrow() {
    RuntimeException thrown = failure;
    if (thrown != null) {
      failure = null;
      throw thrown;
    }
  }
}
