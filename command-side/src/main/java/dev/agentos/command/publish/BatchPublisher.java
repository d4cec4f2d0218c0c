package dev.agentos.command.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the next events of the store's global stream to Kafka in one transaction that also writes
 * the position after them: Kafka commits the events and the position together or neither, so after
 * any crash the publisher resumes exactly after the last event Kafka holds. Events go in stream
 * order, and transactions one after the other, so each partition receives them in that order.
 *
 * <p>After an exception it must not be used again: its stream has moved past events that are not in
 * Kafka. The caller starts over from the position Kafka holds.
 */
final class BatchPublisher {

  private static final Logger log = LoggerFactory.getLogger(BatchPublisher.class);

  private final Producer<String, byte[]> producer;
  private final EventRecords records;
  private final DeadLetterRecords deadLetters;
  private final String transactionalId;
  private final int maxBatch;
  private TrackingToken position;

  /**
   * @param producer transactional, {@code initTransactions()} already called
   * @param start the position Kafka holds, null to start from the first event
   */
  BatchPublisher(
      Producer<String, byte[]> producer,
      EventRecords records,
      DeadLetterRecords deadLetters,
      String transactionalId,
      int maxBatch,
      TrackingToken start) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("agentos.publisher.max-batch must be at least 1");
    }
    this.producer = producer;
    this.records = records;
    this.deadLetters = deadLetters;
    this.transactionalId = transactionalId;
    this.maxBatch = maxBatch;
    this.position = start;
  }

  /**
   * Publishes the events the stream has now, at most {@code maxBatch}, after waiting up to {@code
   * wait} for the first one.
   *
   * @return how many events were published; 0 when none came
   */
  int publishNext(BlockingStream<TrackedEventMessage<?>> stream, Duration wait)
      throws InterruptedException {
    if (!stream.hasNextAvailable((int) wait.toMillis(), TimeUnit.MILLISECONDS)) {
      return 0;
    }
    // Encoding (and registering schemas) before the transaction opens keeps it short.
    List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
    TrackingToken next = position;
    while (batch.size() < maxBatch && stream.hasNextAvailable()) {
      TrackedEventMessage<?> message = stream.nextAvailable();
      long globalIndex = GlobalIndex.of(next, message.trackingToken());
      batch.add(recordOf(message, globalIndex));
      next = message.trackingToken();
    }
    producer.beginTransaction();
    try {
      batch.forEach(producer::send);
      producer.send(PositionTopic.record(transactionalId, next));
      producer.commitTransaction();
    } catch (RuntimeException e) {
      abort(e);
      throw e;
    }
    position = next;
    return batch.size();
  }

  /** The position after the last committed batch. */
  TrackingToken position() {
    return position;
  }

  int maxBatch() {
    return maxBatch;
  }

  private ProducerRecord<String, byte[]> recordOf(TrackedEventMessage<?> message, long index) {
    try {
      return records.recordOf(message, index);
    } catch (UnpublishableEventException e) {
      log.error(
          "Event {} at global index {} cannot be published, so it goes to the dead-letter topic"
              + " instead: {}",
          DeadLetterRecords.describe(message),
          index,
          e.getMessage(),
          e);
      return deadLetters.of(message, index, e);
    }
  }

  private void abort(RuntimeException failure) {
    try {
      producer.abortTransaction();
    } catch (RuntimeException e) {
      // Fenced or disconnected: the next initTransactions() ends the transaction instead.
      failure.addSuppressed(e);
    }
  }
}
