package dev.agentos.client.command;

import java.util.List;

/**
 * What {@code POST /v1/events} did with a batch: counts and each event's result at its index. An
 * answer with rejected events is still an answer (207 or 422), not an error: read {@link
 * #results()}.
 */
public record IngestResult(int accepted, int rejected, int failed, List<EventResult> results) {

  /**
   * One event's fate.
   *
   * @param status {@code accepted} (in Kafka), {@code rejected} (invalid: resending it unchanged
   *     fails again) or {@code failed} (not written: resend it with the same {@code eventId})
   * @param errors why a rejected event was refused, per field
   * @param reason why a failed event was not written
   */
  public record EventResult(
      int index,
      String status,
      String eventId,
      String topic,
      Integer partition,
      Long offset,
      List<FieldError> errors,
      String reason) {}

  /** One refused field of a rejected event. */
  public record FieldError(String field, String reason) {}
}
