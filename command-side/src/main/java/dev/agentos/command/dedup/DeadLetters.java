package dev.agentos.command.dedup;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.deadletters.RecordDeadLettered;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds the dead letter for a raw record the dedup stage cannot pass on, keeping it whole. */
final class DeadLetters {

  private DeadLetters() {}

  static RecordDeadLettered of(
      Record<String, byte[]> record,
      RecordMetadata source,
      String stage,
      String reason,
      Throwable cause,
      EventHeader readable) {
    Map<String, ByteBuffer> headers = new HashMap<>();
    for (Header header : record.headers()) {
      if (header.value() != null) {
        headers.put(header.key(), ByteBuffer.wrap(header.value()));
      }
    }
    return RecordDeadLettered.newBuilder()
        .setHeader(header(stage, readable))
        .setSourceTopic(source.topic())
        .setSourcePartition(source.partition())
        .setSourceOffset(source.offset())
        .setStage(stage)
        .setReason(reason)
        .setErrorClass(cause == null ? null : cause.getClass().getName())
        .setKey(
            record.key() == null
                ? null
                : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)))
        .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
        .setKafkaHeaders(headers)
        .build();
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
