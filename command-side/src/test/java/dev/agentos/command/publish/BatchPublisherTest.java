package dev.agentos.command.publish;

import static dev.agentos.command.publish.TestEvents.issued;
import static dev.agentos.command.publish.TestEvents.registered;
import static dev.agentos.command.publish.TestEvents.stored;
import static dev.agentos.command.publish.TestEvents.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.schemas.registry.InMemorySchemaRegistryClient;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batch loop against Axon's in-memory store and Kafka's transactional MockProducer. */
class BatchPublisherTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final EventRecords records =
      new EventRecords(EventRecordsTest.serializer(registry), "publisher-1");
  private final DeadLetterRecords deadLetters =
      new DeadLetterRecords(records, "publisher-1", Clock.fixed(TestEvents.T0, ZoneOffset.UTC));
  private final RecordSizeLimit limit = new RecordSizeLimit(1_048_576);
  private final EmbeddedEventStore store =
      EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

  @AfterEach
  void close() {
    store.shutDown();
  }

  @Test
  void canPublishEventsInStoreOrderWithThePositionLastInOneTransaction() throws Exception {
    store(stored("a", 0, registered("a")), stored("b", 0, registered("b")));
    store(stored("a", 1, issued("a", "k1")));

    assertThat(publishFrom(null, 500)).containsExactly(3);

    assertThat(producer.commitCount()).isEqualTo(1);
    List<ProducerRecord<String, byte[]>> sent = producer.history();
    assertThat(sent).extracting(ProducerRecord::key).containsExactly("a", "b", "a", "publisher-1");
    assertThat(sent.subList(0, 3))
        .extracting(r -> text(r.headers(), EventRecords.GLOBAL_INDEX))
        .containsExactly("0", "1", "2");
    assertThat(positionIn(sent.get(3))).isEqualTo(new GlobalSequenceTrackingToken(2));
  }

  @Test
  void canSplitABacklogIntoTransactionsOfAtMostMaxBatchEvents() throws Exception {
    for (int i = 0; i < 5; i++) {
      store(stored("a" + i, 0, registered("a" + i)));
    }

    assertThat(publishFrom(null, 2)).containsExactly(2, 2, 1);

    assertThat(producer.commitCount()).isEqualTo(3);
    assertThat(producer.history())
        .filteredOn(r -> r.topic().equals(PositionTopic.NAME))
        .extracting(this::positionIn)
        .containsExactly(
            new GlobalSequenceTrackingToken(1),
            new GlobalSequenceTrackingToken(3),
            new GlobalSequenceTrackingToken(4));
  }

  @Test
  void canResumeRightAfterThePositionItIsGiven() throws Exception {
    store(stored("a", 0, registered("a")), stored("b", 0, registered("b")));
    store(stored("c", 0, registered("c")));

    assertThat(publishFrom(new GlobalSequenceTrackingToken(1), 500)).containsExactly(1);

    assertThat(producer.history())
        .extracting(ProducerRecord::key)
        .containsExactly("c", "publisher-1");
  }

  @Test
  void canSetAnUnpublishableEventAsideWithoutBlockingTheOnesAfterIt() throws Exception {
    store(stored("a", 0, registered("a")), stored("x", 0, "not an event"));
    store(stored("b", 0, registered("b")));

    assertThat(publishFrom(null, 500)).containsExactly(3);

    RecordDeadLettered letter = secondOfThreeDeadLettered();
    assertThat(letter.getSourceTopic()).isEqualTo(DeadLetterRecords.SOURCE);
    assertThat(letter.getSourceOffset()).isEqualTo(1);
    assertThat(letter.getStage()).isEqualTo("publisher-1");
    assertThat(letter.getReason())
        .contains("java.lang.String #0 of Agent x")
        .contains("not an Avro event");
  }

  @Test
  void canSetAsideAnEventWhoseRecordIsLargerThanKafkaAcceptsAndPublishTheRest() throws Exception {
    store(stored("a", 0, registered("a")), stored("big", 0, registered("big", 5_000)));
    store(stored("b", 0, registered("b")));
    limit.learnTopicLimits(Map.of(Topics.AGENTS.name(), 4_000));

    assertThat(publishFrom(null, 500)).containsExactly(3);

    RecordDeadLettered letter = secondOfThreeDeadLettered();
    assertThat(letter.getSourceOffset()).isEqualTo(1);
    assertThat(letter.getReason())
        .contains("AgentRegistered #0 of Agent big")
        .containsPattern("its record is 5,\\d{3} bytes, over the 4,000 the topic accepts");
    assertThat(letter.getHeader().getTenantId()).isEqualTo("tenant-1");
  }

  @Test
  void canSetAsideAnEventOverTheProducersMaxRequestSize() throws Exception {
    RecordSizeLimit small = new RecordSizeLimit(3_000);
    store(stored("big", 0, registered("big", 5_000)), stored("a", 0, registered("a")));

    assertThat(publishFrom(null, 500, small)).containsExactly(2);

    assertThat(producer.history())
        .extracting(ProducerRecord::topic)
        .containsExactly(Topics.DEAD_LETTERS.name(), Topics.AGENTS.name(), PositionTopic.NAME);
    assertThat(((RecordDeadLettered) decode(producer.history().get(0))).getReason())
        .containsPattern("over the 3,000 the producer accepts \\(max.request.size\\)");
  }

  @Test
  void canSetAsideAnEventKafkaRefusedAsTooLargeWhenTheNextSessionMeetsIt() throws Exception {
    MockProducer<String, byte[]> refusing =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
          @Override
          public synchronized Future<RecordMetadata> send(
              ProducerRecord<String, byte[]> record, Callback callback) {
            if ("big".equals(record.key())) {
              return CompletableFuture.failedFuture(
                  new RecordTooLargeException("The message is 1048600 bytes when serialized"));
            }
            return super.send(record, callback);
          }
        };
    store(stored("a", 0, registered("a")), stored("big", 0, registered("big")));
    store(stored("b", 0, registered("b")));
    refusing.initTransactions();
    refusing.commitTransactionException = new KafkaException("a record of the batch failed");
    BatchPublisher first =
        new BatchPublisher(refusing, records, deadLetters, limit, "publisher-1", 500, null);
    try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
      assertThatThrownBy(() -> first.publishNext(stream, WAIT)).isInstanceOf(KafkaException.class);
    }
    assertThat(first.position()).isNull();

    // The next session starts from the same position and meets the same event again.
    assertThat(publishFrom(null, 500)).containsExactly(3);

    assertThat(secondOfThreeDeadLettered().getReason())
        .contains("AgentRegistered #0 of Agent big")
        .contains("Kafka refused its record as too large")
        .contains("The message is 1048600 bytes when serialized");
  }

  @Test
  void cannotMoveThePositionWhenKafkaRefusesTheCommit() throws Exception {
    store(stored("a", 0, registered("a")));
    producer.initTransactions();
    producer.commitTransactionException = new KafkaException("broker gone");
    BatchPublisher batches =
        new BatchPublisher(producer, records, deadLetters, limit, "publisher-1", 500, null);

    try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
      assertThatThrownBy(() -> batches.publishNext(stream, WAIT)).hasMessage("broker gone");
    }

    assertThat(producer.transactionAborted()).isTrue();
    assertThat(producer.history()).isEmpty();
    assertThat(batches.position()).isNull();
  }

  @Test
  void canWaitWithoutOpeningATransactionWhenNothingIsNew() throws Exception {
    producer.initTransactions();
    BatchPublisher batches =
        new BatchPublisher(producer, records, deadLetters, limit, "publisher-1", 500, null);

    try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
      assertThat(batches.publishNext(stream, Duration.ofMillis(50))).isZero();
    }

    assertThat(producer.transactionInFlight()).isFalse();
    assertThat(producer.commitCount()).isZero();
  }

  /** Appends events in one store transaction, as one command does. */
  private void store(EventMessage<?>... events) {
    store.publish(events);
  }

  /** Publishes until the store has nothing more; the event count of each transaction. */
  private List<Integer> publishFrom(TrackingToken start, int maxBatch) throws Exception {
    return publishFrom(start, maxBatch, limit);
  }

  private List<Integer> publishFrom(TrackingToken start, int maxBatch, RecordSizeLimit limit)
      throws Exception {
    producer.initTransactions();
    BatchPublisher batches =
        new BatchPublisher(producer, records, deadLetters, limit, "publisher-1", maxBatch, start);
    List<Integer> counts = new java.util.ArrayList<>();
    try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(start)) {
      for (int n = batches.publishNext(stream, WAIT);
          n > 0;
          n = batches.publishNext(stream, Duration.ofMillis(50))) {
        counts.add(n);
      }
    }
    return counts;
  }

  /** Asserts that of three events published, the second was dead-lettered; its dead letter. */
  private RecordDeadLettered secondOfThreeDeadLettered() {
    List<ProducerRecord<String, byte[]>> sent = producer.history();
    assertThat(sent)
        .extracting(ProducerRecord::topic)
        .containsExactly(
            Topics.AGENTS.name(),
            Topics.DEAD_LETTERS.name(),
            Topics.AGENTS.name(),
            PositionTopic.NAME);
    return (RecordDeadLettered) decode(sent.get(1));
  }

  private TrackingToken positionIn(ProducerRecord<String, byte[]> record) {
    assertThat(record.topic()).isEqualTo(PositionTopic.NAME);
    return PositionJson.read(new String(record.value(), StandardCharsets.UTF_8));
  }

  private Object decode(ProducerRecord<String, byte[]> record) {
    RegistryAvroDeserializer<Object> reader = new RegistryAvroDeserializer<>(registry);
    reader.configure(Map.of(), false);
    return reader.deserialize(record.topic(), record.value());
  }
}
