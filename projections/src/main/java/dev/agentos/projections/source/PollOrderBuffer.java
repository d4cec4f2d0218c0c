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
 */
final class PollOrderBuffer implements Buffer<KafkaEventMessage> {

  private final LinkedBlockingQueue<KafkaEventMessage> queue;
  private volatile RuntimeException failure;

  PollOrderBuffer(int capacity) {
    this.queue = new LinkedBlockingQueue<>(capacity);
  }

  @Override
  public void put(KafkaEventMessage message) throws InterruptedException {
    queue.put(message);
  }

  @Override
  public void putAll(Collection<KafkaEventMessage> messages) throws InterruptedException {
    for (KafkaEventMessage message : messages) {
      queue.put(message);
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
  }

  private void rethrow() {
    RuntimeException thrown = failure;
    if (thrown != null) {
      failure = null;
      throw thrown;
    }
  }
}
