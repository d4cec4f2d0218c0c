package dev.agentos.flink.io;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.schemas.deadletters.DeadLetterCopy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The dead letters a learning job writes: records it could not read, and inputs that arrived after
 * the watermark had passed them. Ids and times come from the record (its position, its Kafka
 * timestamp or event time), never from the clock, so replaying the same history sets the same
 * records aside with the same ids, which consumers deduplicate.
 */
public final class DeadLetterRecords {

  private DeadLetterRecords() {}

  /**
   * A record that could not be decoded or mapped, copied within {@link DeadLetterCopy}'s bounds.
   */
  public static RecordDeadLettered unreadable(
      ConsumerRecord<byte[], byte[]> record, String stage, String reason, String errorClass) {
    SourcePosition at = new SourcePosition(record.topic(), record.partition(), record.offset());
    RecordDeadLettered.Builder letter =
        builder(at, stage, Instant.ofEpochMilli(Math.max(0, record.timestamp())))
            .setErrorClass(errorClass);
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    return DeadLetterCopy.copy(
            letter, "cannot read " + at + ": " + reason, key, record.value(), headers(record))
        .build();
  }

  /**
   * An input whose event time the watermark had passed when it arrived: the job's windows and
   * patterns for that time are already out. The record stays in its topic; the letter names it.
   */
  public static RecordDeadLettered late(FromSource input, String stage, Duration outOfOrderness) {
    Instant eventTime = Instant.ofEpochMilli(input.eventTimeMillis());
    String reason =
        "late: event time "
            + eventTime
            + " arrived after the watermark had passed it (allowed out-of-orderness "
            + outOfOrderness
            + "); read it at "
            + input.position();
    return builder(input.position(), stage, eventTime)
        .setReason(DeadLetterCopy.reason(reason))
        .build();
  }

  private static RecordDeadLettered.Builder builder(
      SourcePosition at, String stage, Instant occurredAt) {
    String id = "dead-letter:" + stage + ":" + at;
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString())
            .setOccurredAt(occurredAt)
            .setTenantId("")
            .setProjectId("")
            .setAgentId("")
            .setSource(stage)
            .build();
    return RecordDeadLettered.newBuilder()
        .setHeader(header)
        .setSourceTopic(at.topic())
        .setSourcePartition(at.partition())
        .setSourceOffset(at.offset())
        .setStage(stage)
        .setReason("")
        .setAttempts(1);
  }

  private static Map<String, byte[]> headers(ConsumerRecord<byte[], byte[]> record) {
    Map<String, byte[]> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), header.value());
    }
    return headers;
  }
}
