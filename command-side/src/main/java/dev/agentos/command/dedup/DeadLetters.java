package dev.agentos.command.dedup;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.schemas.deadletters.DeadLetterCopy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Builds the dead letter for a raw record the dedup stage cannot pass on, copying it within {@link
 * DeadLetterCopy}'s bounds: a raw record close to Kafka's limit must not make a dead letter over
 * it.
 */
final class DeadLetters {

  private DeadLetters() {}

  static RecordDeadLettered of(
      Record<String, byte[]> record,
      RecordMetadata source,
      String stage,
      String reason,
      Throwable cause,
      EventHeader readable) {
    Map<String, byte[]> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      if (header.value() != null) {
        headers.remove(header.key()); // the last value per name, in its place
        headers.put(header.key(), header.value());
      }
    }
    RecordDeadLettered.Builder letter =
        RecordDeadLettered.newBuilder()
            .setHeader(header(stage, readable))
            .setSourceTopic(source.topic())
            .setSourcePartition(source.partition())
            .setSourceOffset(source.offset())
            .setStage(stage)
            .setErrorClass(cause == null ? null : cause.getClass().getName());
    return DeadLetterCopy.copy(letter, reason, record.key(), record.value(), headers).build();
  }

  /** The dead letter's own header: its scope is the failed event's, when that could be read. */
  private static EventHeader header(String stage, EventHeader readable) {
    return EventHeader.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(Instant.now())
        .setTenantId(readable == null ? "" : readable.getTenantId())
        .setProjectId(readable == null ? "" : readable.getProjectId())
        .setAgentId(readable == null ? "" : readable.getAgentId())
        .setSessionId(readable == null ? null : readable.getSessionId())
        .setTraceId(readable == null ? null : readable.getTraceId())
        .setSource(stage)
        .build();
  }
}
