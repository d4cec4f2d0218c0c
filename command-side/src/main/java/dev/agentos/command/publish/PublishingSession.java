package dev.agentos.command.publish;

import dev.agentos.schemas.topics.Topic;
import dev.agentos.schemas.topics.Topics;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One producer and one event stream, opened at the position Kafka holds and used until the
 * publisher stops or anything fails; after a failure the next session starts from Kafka's position
 * again, since this one's stream has moved past events Kafka may not have.
 */
final class PublishingSession {

  private static final Logger log = LoggerFactory.getLogger(PublishingSession.class);

  /** How long the stream is waited on before the session looks whether it should stop. */
  private static final Duration WAIT = Duration.ofMillis(500);

  private final PublisherClients clients;
  private final EventStore eventStore;
  private final EventRecords records;
  private final DeadLetterRecords deadLetters;
  private final RecordSizeLimit sizeLimit;
  private final PublisherPosition position;
  private final String transactionalId;
  private final int maxBatch;
  private final Duration progressInterval;
  private final Duration kafkaTimeout;
  private volatile BatchPublisher batches;
  private volatile boolean publishing;
  private boolean committed;

  PublishingSession(
      PublisherClients clients,
      EventStore eventStore,
      EventRecords records,
      DeadLetterRecords deadLetters,
      RecordSizeLimit sizeLimit,
      PublisherPosition position,
      String transactionalId,
      int maxBatch,
      Duration progressInterval,
      Duration kafkaTimeout) {
    this.clients = clients;
    this.eventStore = eventStore;
    this.records = records;
    this.deadLetters = deadLetters;
    this.sizeLimit = sizeLimit;
    this.position = position;
    this.transactionalId = transactionalId;
    this.maxBatch = maxBatch;
    this.progressInterval = progressInterval;
    this.kafkaTimeout = kafkaTimeout;
  }

  void publishWhile(BooleanSupplier running) throws Exception {
    try (Admin admin = clients.admin()) {
      PositionTopic.ensureExists(admin, kafkaTimeout);
      sizeLimit.learnTopicLimits(
          admin, Topics.all().stream().map(Topic::name).toList(), kafkaTimeout);
      Producer<String, byte[]> producer = clients.producer();
      try {
        // Fences any older publisher with this id and ends its open transaction, so the position
        // read next is final.
        producer.initTransactions();
        TrackingToken start;
        try (Consumer<String, byte[]> reader = clients.positionReader()) {
          start = PositionTopic.read(admin, reader, transactionalId, kafkaTimeout).orElse(null);
        }
        log.info(
            "Publisher '{}' publishes the event store to Kafka from {}",
            transactionalId,
            start == null ? "the first event" : "position " + PositionJson.write(start));
        batches =
            new BatchPublisher(
                producer, records, deadLetters, sizeLimit, transactionalId, maxBatch, start);
        position.at(start);
        PublisherProgress progress = new PublisherProgress(progressInterval);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
          publishing = true;
          while (running.getAsBoolean()) {
            int published = batches.publishNext(stream, WAIT);
            committed |= published > 0;
            position.at(batches.position());
            progress.published(published, published == maxBatch, batches.position());
          }
        }
      } finally {
        publishing = false;
        producer.close(Duration.ofSeconds(5));
      }
    }
  }

  /** Whether older publishers are fenced and the stream is open. */
  boolean isPublishing() {
    return publishing;
  }

  /** Whether at least one batch reached Kafka: the trouble, if any, came after progress. */
  boolean committed() {
    return committed;
  }

  String position() {
    BatchPublisher current = batches;
    TrackingToken position = current == null ? null : current.position();
    return position == null ? "(none yet)" : PositionJson.write(position);
  }
}
