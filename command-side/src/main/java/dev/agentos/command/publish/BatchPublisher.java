package dev.agentos.command.publish;

import dev.agentos.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
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
  private final RecordSizeLimit sizeLimit;
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
      RecordSizeLimit sizeLimit,
      String transactionalId,
      int maxBatch,
      TrackingToken start) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("agentos.publisher.max-batch must be at least 1");
    }
    this.producer = producer;
    this.records = records;
    this.deadLetters = deadLetters;
    this.sizeLimit = sizeLimit;
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
    List<Pending> batch = new ArrayList<>();
    TrackingToken next = position;
    while (batch.size() < maxBatch && stream.hasNextAvailable()) {
      TrackedEventMessage<?> message = stream.nextAvailable();
      long globalIndex = GlobalIndex.of(next, message.trackingToken());
      batch.add(new Pending(message, recordOf(message, globalIndex)));
      next = message.trackingToken();
    }
    producer.beginTransaction();
    try {
      for (Pending pending : batch) {
        pending.send(producer);
      }
      producer.send(PositionTopic.record(transactionalId, next));
      producer.commitTransaction();
    } catch (RuntimeException e) {
      rememberRefusedAsTooLarge(batch);
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
      ProducerRecord<String, byte[]> record = records.recordOf(message, index);
      sizeLimit.check(message, record);
      return record;
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

  /**
   * Kafka refused a record as too large although it passed {@link RecordSizeLimit}: this
   * transaction fails, and the limit remembers the event so the next session sets it aside. A send
   * that throws at once fails the same way.
   */
  private void rememberRefusedAsTooLarge(List<Pending> batch) {
    for (Pending pending : batch) {
      // A dead letter is small; refusing it would only make another.
      if (pending.sent != null && !pending.record.topic().equals(Topics.DEAD_LETTERS.name())) {
        RecordSizeLimit.tooLarge(failureOf(pending.sent))
            .ifPresent(tooLarge -> sizeLimit.refusedByKafka(pending.message, tooLarge));
      }
    }
  }

  private static Throwable failureOf(Future<RecordMetadata> sent) {
    if (!sent.isDone()) {
      return null;
    }
    try {
      sent.get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** An event of the batch, its record, and once sent, the send's outcome. */
  private static final class Pending {
    final EventMessage<?> message;
    final ProducerRecord<String, byte[]> record;
    Future<RecordMetadata> sent;

    Pending(EventMessage<?> message, ProducerRecord<String, byte[]> record) {
      this.message = message;
      this.record = record;
    }

    /** A send that throws at once counts as a failed send, like one whose future fails. */
    void send(Producer<String, byte[]> producer) {
      try {
        sent = producer.send(record);
      } catch (RuntimeException e) {
        sent = CompletableFuture.failedFuture(e);
        throw e;
      }
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
