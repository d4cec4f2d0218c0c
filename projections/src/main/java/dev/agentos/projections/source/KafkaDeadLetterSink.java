package dev.agentos.projections.source;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.schemas.topics.EventKeys;
import dev.agentos.schemas.topics.Topics;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes dead letters to {@code agentos.deadletters.v1}, keyed {@code sourceTopic/sourcePartition}
 * as the topic declares, and waits for the broker's acknowledgement ({@code acks=all}). A failure
 * is thrown, so the processor retries the batch rather than moving past an unrecorded record.
 */
public class KafkaDeadLetterSink implements DeadLetterSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaDeadLetterSink.class);

  private final Producer<String, RecordDeadLettered> producer;

  public KafkaDeadLetterSink(Producer<String, RecordDeadLettered> producer) {
    this.producer = producer;
  }

  @Override
  public void send(RecordDeadLettered letter) {
    String key = EventKeys.keyOf(letter);
    try {
      producer.send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), key, letter)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while writing a dead letter", e);
    } catch (ExecutionException e) {
      throw new KafkaException("cannot write the dead letter of " + describe(letter), e.getCause());
    }
    LOG.error(
        "{} set aside {} after {} attempt(s): {}",
        letter.getStage(),
        describe(letter),
        letter.getAttempts(),
        letter.getReason());
  }

  @Override
  public void close() {
    producer.close();
  }

  private static String describe(RecordDeadLettered letter) {
    return letter.getSourceTopic()
        + "/"
        + letter.getSourcePartition()
        + "@"
        + letter.getSourceOffset();
  }
}
