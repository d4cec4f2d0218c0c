package dev.agentos.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.auth.Caller;
import dev.agentos.command.FieldLimits;
import dev.agentos.events.common.EventHeader;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads one event of an ingest batch: {@code type} picks the schema, {@code eventId}, {@code
 * occurredAt}, {@code sessionId} and {@code traceId} go into the header, everything else is the
 * record's own fields. The header's tenant, project and agent come from the caller's API key only:
 * a body that sends a {@code header} is refused, so no client can write into another's scope.
 */
public final class RawEventReader {

  /** Where the gateway's events say they come from. */
  public static final String SOURCE = "http-gateway";

  static final String TYPE = "type";
  static final String EVENT_ID = "eventId";
  static final String OCCURRED_AT = "occurredAt";
  static final String SESSION_ID = "sessionId";
  static final String TRACE_ID = "traceId";
  static final String HEADER = "header";

  /** The top-level fields that are not fields of the record itself. */
  static final Set<String> ENVELOPE = Set.of(TYPE, EVENT_ID, OCCURRED_AT, SESSION_ID, TRACE_ID);

  private final Clock clock;

  public RawEventReader(Clock clock) {
    this.clock = clock;
  }

  /**
   * One event, read or refused.
   *
   * @param eventId the id it is stored under; for a refused event only the one the client sent
   * @param event the record to produce, null when refused
   * @param errors why it is refused, empty when it is not
   */
  public record ReadEvent(String eventId, SpecificRecord event, List<FieldError> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  /**
   * Reads {@code json}, the event at {@code index} of the batch.
   *
   * @param sessionId the session of the request ({@code X-Session-Id}), for events naming none
   * @param traceId the trace of the request ({@code X-Trace-Id}), for events naming none
   */
  public ReadEvent read(JsonNode json, int index, Caller caller, String sessionId, String traceId) {
    String path = "events[" + index + "]";
    if (!json.isObject()) {
      return refused(
          null,
          List.of(new FieldError(path, "expected an event object, got " + ErrorText.quote(json))));
    }
    List<FieldError> errors = new ArrayList<>();
    Class<? extends SpecificRecord> type = type(json.get(TYPE), path + "." + TYPE, errors);
    String sent = text(json, EVENT_ID, path, errors);
    String eventId = null;
    try {
      eventId = EventIds.acceptOrGenerate(sent);
    } catch (InvalidEventIdException e) {
      errors.add(new FieldError(path + "." + EVENT_ID, e.getMessage()));
    }
    Instant occurredAt = occurredAt(json.get(OCCURRED_AT), path + "." + OCCURRED_AT, errors);
    String session = orElse(text(json, SESSION_ID, path, errors), sessionId);
    String trace = orElse(text(json, TRACE_ID, path, errors), traceId);
    if (json.has(HEADER)) {
      errors.add(
          new FieldError(
              path + "." + HEADER,
              "the header is made by the gateway from the caller's API key and is never taken"
                  + " from the body; send eventId, occurredAt, sessionId and traceId beside type"));
    }
    // A refused event names its id only when the client chose it: a generated one means nothing.
    String reportedId = sent == null ? null : eventId;
    if (type == null) {
      return refused(reportedId, errors);
    }
    ObjectNode fields = ((ObjectNode) json).deepCopy();
    fields.remove(ENVELOPE);
    fields.remove(HEADER);
    // With a wrong envelope the record is still read, to report its own errors too; the
    // placeholders below never leave this method, since the event is then refused.
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(eventId == null ? "" : eventId)
            .setOccurredAt(occurredAt == null ? Instant.EPOCH : occurredAt)
            .setTenantId(caller.tenantId())
            .setProjectId(caller.projectId())
            .setAgentId(caller.agentId())
            .setSessionId(session)
            .setTraceId(trace)
            .setSource(SOURCE)
            .build();
    JsonToAvro.Result<? extends SpecificRecord> read =
        JsonToAvro.read(type, fields, path, Map.of(HEADER, header), RawEventBounds.INSTANCE);
    errors.addAll(read.errors());
    if (!errors.isEmpty()) {
      return refused(reportedId, errors);
    }
    return new ReadEvent(eventId, read.record(), List.of());
  }

  private static ReadEvent refused(String sentEventId, List<FieldError> errors) {
    return new ReadEvent(sentEventId, null, List.copyOf(errors));
  }

  private static Class<? extends SpecificRecord> type(
      JsonNode json, String path, List<FieldError> errors) {
    if (json == null || !json.isTextual()) {
      String got = json == null ? "it is missing" : "got " + ErrorText.quote(json);
      errors.add(
          new FieldError(
              path, "must name the event's schema, one of " + RawEventTypes.names() + "; " + got));
      return null;
    }
    return RawEventTypes.named(json.textValue())
        .orElseGet(
            () -> {
              errors.add(
                  new FieldError(
                      path,
                      "unknown event type "
                          + ErrorText.quote(json)
                          + "; known: "
                          + RawEventTypes.names()));
              return null;
            });
  }

  /**
   * An optional text field of the envelope, at most {@link FieldLimits#REFERENCE_ID} characters;
   * blank counts as absent.
   */
  private static String text(JsonNode event, String name, String path, List<FieldError> errors) {
    JsonNode json = event.get(name);
    if (json == null || json.isNull()) {
      return null;
    }
    if (!json.isTextual()) {
      errors.add(
          new FieldError(path + "." + name, "expected string, got " + ErrorText.quote(json)));
      return null;
    }
    if (json.textValue().length() > FieldLimits.REFERENCE_ID) {
      errors.add(
          new FieldError(
              path + "." + name,
              "must be at most "
                  + FieldLimits.REFERENCE_ID
                  + " characters, was "
                  + json.textValue().length()));
      return null;
    }
    return json.textValue().isBlank() ? null : json.textValue();
  }

  /**
   * When it happened at the source; now when the client does not say. Kept to milliseconds. It must
   * lie between {@link FieldLimits#EARLIEST_OCCURRED_AT} and {@link
   * FieldLimits#MAX_OCCURRED_AT_AHEAD} after the server's clock: read models date their rows by it,
   * and a time series store refuses instants far outside that (InfluxDB: 1677 to 2262).
   */
  private Instant occurredAt(JsonNode json, String path, List<FieldError> errors) {
    Instant value = null;
    if (json == null || json.isNull()) {
      value = clock.instant();
    } else if (json.isIntegralNumber() && json.canConvertToLong()) {
      value = Instant.ofEpochMilli(json.longValue());
    } else if (json.isTextual()) {
      try {
        value = Instant.parse(json.textValue());
        value.toEpochMilli(); // Avro stores milliseconds in a long: the instant must fit.
      } catch (DateTimeParseException | ArithmeticException e) {
        value = null; // reported below
      }
    }
    if (value == null) {
      errors.add(
          new FieldError(
              path, "expected " + ErrorText.TIMESTAMP + ", got " + ErrorText.quote(json)));
      return null;
    }
    Instant latest = clock.instant().plus(FieldLimits.MAX_OCCURRED_AT_AHEAD);
    if (value.isBefore(FieldLimits.EARLIEST_OCCURRED_AT) || value.isAfter(latest)) {
      errors.add(
          new FieldError(
              path,
              "must lie between "
                  + FieldLimits.EARLIEST_OCCURRED_AT
                  + " and one day after the server's clock ("
                  + latest.truncatedTo(ChronoUnit.SECONDS)
                  + "), was "
                  + value));
      return null;
    }
    return value.truncatedTo(ChronoUnit.MILLIS);
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback == null || fallback.isBlank() ? null : fallback;
  }
}
