package dev.agentos.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.auth.Caller;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.interactions.ConversationTurnRecorded;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.schemas.topics.Topics;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

class RawEventReaderTest {

  static final Caller CALLER =
      new Caller("key-1", "tenant-a", "project-a", "agent-a", Set.of(ApiKeyScope.EVENTS_WRITE));
  static final Instant NOW = Instant.parse("2026-05-01T12:00:00.123Z");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final RawEventReader reader =
      new RawEventReader(Clock.fixed(NOW.plusNanos(456_789), ZoneOffset.UTC));

  @Test
  void theHeaderComesFromTheCallersKeyAndTheEnvelope() {
    String id = UUID.randomUUID().toString();
    var read =
        reader.read(
            json(
                """
                {"type": "ConversationTurnRecorded", "eventId": "%s",
                 "occurredAt": "2026-04-30T08:00:00Z", "sessionId": "s-1", "traceId": "tr-1",
                 "turnId": "t1", "turnIndex": 0, "role": "USER", "content": "hi"}
                """
                    .formatted(id)),
            0,
            CALLER,
            null,
            null);

    assertThat(read.errors()).isEmpty();
    assertThat(read.eventId()).isEqualTo(id);
    assertThat(((ConversationTurnRecorded) read.event()).getHeader())
        .isEqualTo(
            EventHeader.newBuilder()
                .setEventId(id)
                .setOccurredAt(Instant.parse("2026-04-30T08:00:00Z"))
                .setTenantId("tenant-a")
                .setProjectId("project-a")
                .setAgentId("agent-a")
                .setSessionId("s-1")
                .setTraceId("tr-1")
                .setSource("http-gateway")
                .build());
  }

  @Test
  void aHeaderInTheBodyIsRefusedNeverTrusted() {
    var read =
        reader.read(
            json(
                """
                {"type": "MetricRecorded", "name": "n", "kind": "GAUGE", "value": 1, "unit": "u",
                 "header": {"tenantId": "someone-else"}}
                """),
            2,
            CALLER,
            null,
            null);

    assertThat(read.valid()).isFalse();
    assertThat(read.event()).isNull();
    assertThat(read.errors()).extracting(FieldError::field).containsExactly("events[2].header");
  }

  @Test
  void missingEnvelopeValuesAreMadeUpHereOrTakenFromTheRequest() {
    var read = reader.read(metric(""), 0, CALLER, "session-from-header", "trace-from-header");

    EventHeader header = ((MetricRecorded) read.event()).getHeader();
    assertThat(UUID.fromString(header.getEventId()).toString()).isEqualTo(header.getEventId());
    assertThat(read.eventId()).isEqualTo(header.getEventId());
    assertThat(header.getOccurredAt()).isEqualTo(NOW);
    assertThat(header.getSessionId()).isEqualTo("session-from-header");
    assertThat(header.getTraceId()).isEqualTo("trace-from-header");
  }

  @Test
  void theEventsOwnSessionWinsOverTheRequests() {
    var read = reader.read(metric("\"sessionId\": \"mine\","), 0, CALLER, "request's", null);

    assertThat(((MetricRecorded) read.event()).getHeader().getSessionId()).isEqualTo("mine");
  }

  @Test
  void anEventIdIsStoredInCanonicalForm() {
    String id = UUID.randomUUID().toString();
    var read =
        reader.read(
            metric("\"eventId\": \"%s\",".formatted(id.toUpperCase())), 0, CALLER, null, null);

    assertThat(read.eventId()).isEqualTo(id);
    assertThat(((MetricRecorded) read.event()).getHeader().getEventId()).isEqualTo(id);
  }

  @Test
  void anInvalidEventIdIsRefusedByName() {
    var read = reader.read(metric("\"eventId\": \"42\","), 5, CALLER, null, null);

    assertThat(read.valid()).isFalse();
    assertThat(read.eventId()).isNull();
    assertThat(read.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.field()).isEqualTo("events[5].eventId");
              assertThat(error.reason()).contains("UUID").contains("\"42\"");
            });
  }

  @Test
  void aTypeIsNamedSimplyOrInFull() {
    var full =
        reader.read(
            json(
                """
                {"type": "dev.agentos.events.metrics.MetricRecorded",
                 "name": "n", "kind": "GAUGE", "value": 1, "unit": "u"}
                """),
            0,
            CALLER,
            null,
            null);

    assertThat(full.event()).isInstanceOf(MetricRecorded.class);
  }

  @Test
  void anUnknownTypeListsTheKnownOnes() {
    var read =
        reader.read(
            json("{\"type\": \"MemoryStored\", \"memoryId\": \"m\"}"), 1, CALLER, null, null);

    assertThat(read.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.field()).isEqualTo("events[1].type");
              assertThat(error.reason())
                  .contains("\"MemoryStored\"")
                  .contains("ConversationTurnRecorded")
                  .contains("ExecutionCompleted")
                  .contains("MetricRecorded");
            });
  }

  @Test
  void aMissingTypeIsNamed() {
    var read = reader.read(json("{\"name\": \"n\"}"), 0, CALLER, null, null);

    assertThat(read.errors()).extracting(FieldError::field).containsExactly("events[0].type");
  }

  @Test
  void envelopeErrorsAndFieldErrorsAreReportedTogether() {
    var read =
        reader.read(
            json(
                """
                {"type": "MetricRecorded", "occurredAt": "soon", "sessionId": 7,
                 "name": "n", "kind": "SOMETIMES", "value": 1, "unit": "u"}
                """),
            0,
            CALLER,
            null,
            null);

    assertThat(read.errors())
        .extracting(FieldError::field)
        .containsExactly("events[0].occurredAt", "events[0].sessionId", "events[0].kind");
  }

  @Test
  void anEventThatIsNotAnObjectIsRefused() {
    var read = reader.read(json("\"hello\""), 0, CALLER, null, null);

    assertThat(read.errors())
        .containsExactly(new FieldError("events[0]", "expected an event object, got \"hello\""));
  }

  @Test
  void anOccurredAtMayBeEpochMillis() {
    var read = reader.read(metric("\"occurredAt\": 1777636800123,"), 0, CALLER, null, null);

    assertThat(((MetricRecorded) read.event()).getHeader().getOccurredAt()).isEqualTo(NOW);
  }

  @Test
  void anOccurredAtOutsideTheSaneRangeIsRefusedNamingIt() {
    for (String outside :
        List.of(
            "\"3000-01-01T00:00:00Z\"",
            "\"1999-12-31T23:59:59.999Z\"",
            "\"+1000000000-01-01T00:00:00Z\"",
            "-1",
            "\"2026-05-02T12:00:01Z\"")) {
      var read = reader.read(metric("\"occurredAt\": " + outside + ","), 0, CALLER, null, null);

      assertThat(read.errors()).as(outside).hasSize(1);
      assertThat(read.errors().get(0).field()).isEqualTo("events[0].occurredAt");
      assertThat(read.errors().get(0).reason())
          .as(outside)
          .containsAnyOf("must lie between 2000-01-01T00:00:00Z and one day after", "expected");
    }
    var edge =
        reader.read(metric("\"occurredAt\": \"2026-05-02T12:00:00Z\","), 0, CALLER, null, null);
    assertThat(edge.errors()).isEmpty();
  }

  @Test
  void aFieldOverItsBoundIsRefusedNamingIt() {
    String turn =
        """
        {"type": "ConversationTurnRecorded", "turnId": "t", "turnIndex": 0, "role": "USER",
         "content": "%s", "metadata": {"k": "%s"}}
        """;
    var read =
        reader.read(
            json(turn.formatted("c".repeat(200_001), "v".repeat(4_097))), 0, CALLER, null, null);

    assertThat(read.errors())
        .containsExactly(
            new FieldError("events[0].content", "must be at most 200000 characters, was 200001"),
            new FieldError(
                "events[0].metadata[\"k\"]", "must be at most 4096 characters, was 4097"));
  }

  @Test
  void aMetricWithTooManyOrTooLongTagsIsRefused() {
    StringBuilder tags = new StringBuilder("{");
    for (int i = 0; i < 33; i++) {
      tags.append(i == 0 ? "" : ",").append("\"t").append(i).append("\": \"v\"");
    }
    var many = reader.read(metric("\"tags\": " + tags + "},"), 0, CALLER, null, null);
    var longValue =
        reader.read(
            metric("\"tags\": {\"tool\": \"" + "b".repeat(257) + "\"},"), 0, CALLER, null, null);
    var longKey =
        reader.read(
            metric("\"tags\": {\"" + "k".repeat(129) + "\": \"v\"},"), 0, CALLER, null, null);

    assertThat(many.errors())
        .containsExactly(new FieldError("events[0].tags", "must hold at most 32 entries, held 33"));
    assertThat(longValue.errors())
        .containsExactly(
            new FieldError("events[0].tags[\"tool\"]", "must be at most 256 characters, was 257"));
    assertThat(longKey.errors())
        .containsExactly(
            new FieldError("events[0].tags", "keys must be at most 128 characters, one was 129"));
  }

  @Test
  void anEnvelopeTraceIdOverItsBoundIsRefused() {
    var read =
        reader.read(metric("\"traceId\": \"" + "x".repeat(256) + "\","), 0, CALLER, null, null);

    assertThat(read.errors())
        .containsExactly(
            new FieldError("events[0].traceId", "must be at most 255 characters, was 256"));
  }

  /** The envelope sits beside the record's fields, so no accepted type may use its names. */
  @Test
  void noRawEventTypeHasAFieldNamedLikeTheEnvelope() {
    for (var topic : Topics.raw()) {
      for (var type : topic.eventTypes()) {
        Schema schema = SpecificData.get().getSchema(type);
        for (String name : RawEventReader.ENVELOPE) {
          assertThat(schema.getField(name)).as(type.getSimpleName() + "." + name).isNull();
        }
      }
    }
  }

  @Test
  void everyRawTypeHasADistinctSimpleName() {
    assertThat(RawEventTypes.names()).doesNotHaveDuplicates().hasSize(10);
  }

  private static JsonNode metric(String envelope) {
    return json(
        "{\"type\": \"MetricRecorded\", "
            + envelope
            + "\"name\": \"n\", \"kind\": \"GAUGE\", \"value\": 1, \"unit\": \"u\"}");
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
