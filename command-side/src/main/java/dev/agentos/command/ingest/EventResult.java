package dev.agentos.command.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * What became of one event of a batch, at its index in the request.
 *
 * @param eventId the stored id (for a rejected event, only the one the client sent)
 * @param topic where an accepted event was written, with its partition and offset
 * @param errors why a rejected event was refused, per field
 * @param reason why a failed event could not be written; resending it may succeed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventResult(
    int index,
    Status status,
    String eventId,
    String topic,
    Integer partition,
    Long offset,
    List<FieldError> errors,
    String reason) {

  /** Accepted: in Kafka. Rejected: invalid, resending it unchanged fails again. Failed: retry. */
  public enum Status {
    ACCEPTED,
    REJECTED,
    FAILED;

    @JsonValue
    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static EventResult accepted(int index, String eventId, String topic, int partition, long offset) {
    return new EventResult(index, Status.ACCEPTED, eventId, topic, partition, offset, null, null);
  }

  static EventResult rejected(int index, String eventId, List<FieldError> errors) {
    return new EventResult(index, Status.REJECTED, eventId, null, null, null, errors, null);
  }

  static EventResult failed(int index, String eventId, String reason) {
    return new EventResult(index, Status.FAILED, eventId, null, null, null, null, reason);
  }
}
