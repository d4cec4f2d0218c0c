package dev.agentos.projections.source;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.schemas.deadletters.DeadLetterCopy;
import dev.agentos.schemas.topics.EventKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds the dead letter of a record a processing group gives up on, copying the record within
 * {@link DeadLetterCopy}'s bounds (a record near Kafka's limit must not make a dead letter over it,
 * which could never be sent and would stop the group on that record). Its id is derived from the
 * group and the record's position, so setting the same record aside again (after a crash before the
 * token moved) makes the same dead letter, which consumers deduplicate.
 */
final class DeadLetters {

  private DeadLetters() {}

  static RecordDeadLettered of(
      KafkaRecordOrigin origin,
      String stage,
      String reason,
      String errorClass,
      int attempts,
      Object payload,
      Instant now) {
    RecordDeadLettered.Builder letter =
        RecordDeadLettered.newBuilder()
            .setHeader(header(origin, stage, EventKeys.findHeader(payload).orElse(null), now))
            .setSourceTopic(origin.topic())
            .setSourcePartition(origin.partition())
            .setSourceOffset(origin.offset())
            .setStage(stage)
            .setErrorClass(errorClass)
            .setAttempts(attempts);
    return DeadLetterCopy.copy(letter, reason, origin.key(), origin.value(), origin.headers())
        .build();
  }

  /** Scoped like the failed event when its header could be read, else empty. */
  private static EventHeader header(
      KafkaRecordOrigin origin, String stage, EventHeader readable, Instant now) {
    String id = "dead-letter:" + stage + ":" + origin.describe();
    return EventHeader.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes(utf8(id)).toString())
        .setOccurredAt(now)
        .setTenantId(readable == null ? "" : readable.getTenantId())
        .setProjectId(readable == null ? "" : readable.getProjectId())
        .setAgentId(readable == null ? "" : readable.getAgentId())
        .setSessionId(readable == null ? null : readable.getSessionId())
        .setTraceId(readable == null ? null : readable.getTraceId())
        .setSource(stage)
        .build();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
