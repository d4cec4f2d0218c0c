package dev.agentos.executor.service;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.executor.intake.EventDecoder;
import dev.agentos.schemas.deadletters.DeadLetterCopy;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.topics.EventKeys;
import dev.agentos.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the executions topic's records with the registry serde; a record it cannot read is set
 * aside as a dead letter with the reason (its id derived from its position, so reading it again
 * after a crash makes the same letter), and the intake goes on with the next.
 */
final class RegistryEventDecoder implements EventDecoder {

  static final String STAGE = "executor";
  private static final Logger log = LoggerFactory.getLogger(RegistryEventDecoder.class);

  private final RegistryAvroDeserializer<Object> values;
  private final Producer<String, Object> deadLetters;
  private final Clock clock;

  RegistryEventDecoder(
      RegistryAvroDeserializer<Object> values, Producer<String, Object> deadLetters, Clock clock) {
    this.values = values;
    this.deadLetters = deadLetters;
    this.clock = clock;
  }

  @Override
  public SpecificRecord decode(ConsumerRecord<String, byte[]> record) {
    try {
      Object value = values.deserialize(record.topic(), record.value());
      if (value instanceof SpecificRecord event) {
        return event;
      }
      setAside(record, "not an AgentOS event: " + describe(value), null);
    } catch (RuntimeException e) {
      setAside(record, "cannot read " + record.topic() + ": " + e.getMessage(), e);
    }
    return null;
  }

  private void setAside(ConsumerRecord<String, byte[]> record, String reason, Exception error) {
    String position = record.topic() + "/" + record.partition() + "@" + record.offset();
    log.error("{} set aside: {}", position, reason);
    RecordDeadLettered.Builder letter =
        RecordDeadLettered.newBuilder()
            .setHeader(header(position))
            .setSourceTopic(record.topic())
            .setSourcePartition(record.partition())
            .setSourceOffset(record.offset())
            .setStage(STAGE)
            .setErrorClass(error == null ? null : error.getClass().getName())
            .setAttempts(1);
    RecordDeadLettered built =
        DeadLetterCopy.copy(letter, reason, record.key(), record.value(), headers(record)).build();
    try {
      deadLetters
          .send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), EventKeys.keyOf(built), built))
          .get();
    } catch (Exception e) {
      // The record stays where it is, readable by position; the letter is the index to it.
      log.error("the dead letter of {} could not be written", position, e);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private EventHeader header(String position) {
    String id = "dead-letter:" + STAGE + ":" + position;
    return EventHeader.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString())
        .setOccurredAt(clock.instant())
        .setTenantId("")
        .setProjectId("")
        .setAgentId("")
        .setSource(STAGE)
        .build();
  }

  private static Map<String, byte[]> headers(ConsumerRecord<String, byte[]> record) {
    Map<String, byte[]> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), header.value());
    }
    return headers;
  }

  private static String describe(Object value) {
    return value == null ? "an empty record" : value.getClass().getName();
  }
}
