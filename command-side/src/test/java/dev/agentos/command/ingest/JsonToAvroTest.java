package dev.agentos.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionLimits;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.ConversationTurnRecorded;
import dev.agentos.events.interactions.ToolCallRecorded;
import dev.agentos.events.interactions.TurnRole;
import dev.agentos.events.metrics.MetricRecorded;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class JsonToAvroTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EventHeader HEADER =
      EventHeader.newBuilder()
          .setEventId("0b6f8f2e-7c1a-4c8e-9a53-2f0e8c1d4b10")
          .setOccurredAt(Instant.parse("2026-05-01T12:00:00Z"))
          .setTenantId("t")
          .setProjectId("p")
          .setAgentId("a")
          .setSource("http-gateway")
          .build();
  private static final Map<String, Object> SUPPLIED = Map.of("header", HEADER);

  @Test
  void readsAWholeEventAsItsGeneratedRecord() throws IOException {
    var result =
        read(
            ConversationTurnRecorded.class,
            """
            {"turnId": "t1", "turnIndex": 3, "role": "ASSISTANT", "content": "hi",
             "model": "gpt-5", "inputTokens": 10, "outputTokens": null,
             "metadata": {"editor": "vim"}}
            """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.record())
        .isEqualTo(
            ConversationTurnRecorded.newBuilder()
                .setHeader(HEADER)
                .setTurnId("t1")
                .setTurnIndex(3)
                .setRole(TurnRole.ASSISTANT)
                .setContent("hi")
                .setModel("gpt-5")
                .setInputTokens(10)
                .setOutputTokens(null)
                .setMetadata(Map.of("editor", "vim"))
                .build());
    assertThat(encodes(result.record())).isTrue();
  }

  @Test
  void missingFieldsWithDefaultsTakeTheirDefaults() {
    var result =
        read(
            ConversationTurnRecorded.class,
            """
            {"turnId": "t1", "turnIndex": 0, "role": "USER", "content": "hi"}
            """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.record().getModel()).isNull();
    assertThat(result.record().getMetadata()).isEmpty();
  }

  @Test
  void nestedRecordsAreReadWithTheirOwnDefaults() {
    var result =
        read(
            ExecutionRequested.class,
            """
            {"executionId": "x1", "language": "python", "code": "print(1)",
             "environment": {"PYTHONHASHSEED": "0"},
             "limits": {"cpuTimeMs": 1000, "memoryBytes": 268435456, "wallTimeoutMs": 5000}}
            """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.record().getLimits())
        .isEqualTo(
            ExecutionLimits.newBuilder()
                .setCpuTimeMs(1000)
                .setMemoryBytes(268435456)
                .setWallTimeoutMs(5000)
                .build());
    assertThat(result.record().getLimits().getMaxOutputBytes()).isEqualTo(1048576L);
  }

  @Test
  void readsArraysFloatsDoublesAndBooleans() {
    var verification =
        read(
            VerificationCompleted.class,
            """
            {"verificationId": "v", "suggestionId": "s", "executionId": "x", "verdict": "FAILED",
             "testsRun": 2, "passed": 1, "failed": 1, "failedTestNames": ["testA"]}
            """);
    var suggestion =
        read(
            CodeSuggestionProposed.class,
            """
            {"suggestionId": "s", "language": "java", "format": "SNIPPET", "code": "x();",
             "confidence": 0.75}
            """);
    var metric =
        read(
            MetricRecorded.class,
            """
            {"name": "agent.tokens.used", "kind": "COUNTER", "value": 42, "unit": "tokens"}
            """);
    var toolCall =
        read(
            ToolCallRecorded.class,
            """
            {"toolCallId": "c", "toolName": "grep", "argumentsJson": "{}", "status": "SUCCEEDED",
             "durationMs": 12, "resultTruncated": true}
            """);

    assertThat(verification.record().getFailedTestNames()).containsExactly("testA");
    assertThat(verification.record().getPassedTestNames()).isEmpty();
    assertThat(suggestion.record().getConfidence()).isEqualTo(0.75f);
    assertThat(metric.record().getValue()).isEqualTo(42.0);
    assertThat(toolCall.record().getResultTruncated()).isTrue();
  }

  @Test
  void anArrayOverItsBoundIsRefusedAndItsItemsAreBoundToo() {
    String names = "\"t\",".repeat(10_000) + "\"" + "n".repeat(1_025) + "\"";
    var read =
        JsonToAvro.read(
            VerificationCompleted.class,
            json(
                """
                {"verificationId": "v", "suggestionId": "s", "executionId": "x",
                 "verdict": "FAILED", "testsRun": 2, "passed": 1, "failed": 1,
                 "failedTestNames": [%s], "passedTestNames": ["%s"]}
                """
                    .formatted(names, "p".repeat(1_025))),
            "events[0]",
            SUPPLIED,
            RawEventBounds.INSTANCE);

    assertThat(read.errors())
        .containsExactly(
            new FieldError(
                "events[0].failedTestNames", "must hold at most 10000 items, held 10001"),
            new FieldError(
                "events[0].passedTestNames[0]", "must be at most 1024 characters, was 1025"));
  }

  @Test
  void readsATimestampFromAnIsoInstantOrEpochMillis() {
    String base =
        """
        {"eventId": "e", "tenantId": "t", "projectId": "p", "agentId": "a", "source": "s",
         "occurredAt": %s}
        """;

    var iso =
        JsonToAvro.read(
            EventHeader.class, json(base.formatted("\"2026-05-01T12:00:00.123Z\"")), "h", Map.of());
    var offset =
        JsonToAvro.read(
            EventHeader.class,
            json(base.formatted("\"2026-05-01T14:00:00.123+02:00\"")),
            "h",
            Map.of());
    var millis =
        JsonToAvro.read(EventHeader.class, json(base.formatted("1777636800123")), "h", Map.of());
    var wrong =
        JsonToAvro.read(EventHeader.class, json(base.formatted("\"yesterday\"")), "h", Map.of());

    Instant expected = Instant.parse("2026-05-01T12:00:00.123Z");
    assertThat(iso.record().getOccurredAt()).isEqualTo(expected);
    assertThat(offset.record().getOccurredAt()).isEqualTo(expected);
    assertThat(millis.record().getOccurredAt()).isEqualTo(expected);
    assertThat(wrong.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.field()).isEqualTo("h.occurredAt");
              assertThat(error.reason()).contains("ISO-8601").contains("\"yesterday\"");
            });
  }

  @Test
  void aValueOfTheWrongTypeNamesItsPathTheTypeAndTheValue() {
    var result =
        JsonToAvro.read(
            ExecutionRequested.class,
            json(
                """
                {"executionId": "x1", "language": "python",
                 "limits": {"cpuTimeMs": 1, "memoryBytes": 1, "wallTimeoutMs": "abc"}}
                """),
            "events[3]",
            SUPPLIED);

    assertThat(result.ok()).isFalse();
    assertThat(result.record()).isNull();
    assertThat(result.errors())
        .containsExactly(
            new FieldError("events[3].limits.wallTimeoutMs", "expected long, got \"abc\""));
  }

  @Test
  void anUnknownEnumSymbolListsTheKnownOnes() {
    var result =
        read(
            ConversationTurnRecorded.class,
            """
            {"turnId": "t1", "turnIndex": 0, "role": "BOSS", "content": "hi"}
            """);

    assertThat(result.errors())
        .containsExactly(
            new FieldError(
                "events[0].role", "expected one of [USER, ASSISTANT, SYSTEM, TOOL], got \"BOSS\""));
  }

  @Test
  void aMissingRequiredFieldIsNamed() {
    var result =
        read(
            ConversationTurnRecorded.class,
            "{\"turnId\": \"t1\", \"turnIndex\": 0, \"role\": \"USER\"}");

    assertThat(result.errors())
        .containsExactly(new FieldError("events[0].content", "is required (string)"));
  }

  @Test
  void anUnknownFieldIsNamedWithTheKnownOnes() {
    var result =
        read(
            ConversationTurnRecorded.class,
            """
            {"turnId": "t1", "turnIndex": 0, "role": "USER", "content": "hi", "contnet": "x"}
            """);

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.field()).isEqualTo("events[0].contnet");
              assertThat(error.reason())
                  .startsWith("unknown field of ConversationTurnRecorded")
                  .contains("content")
                  .doesNotContain("header");
            });
  }

  @Test
  void nullIsOnlyAValueOfNullableFields() {
    var result =
        read(
            ToolCallRecorded.class,
            """
            {"toolCallId": "c", "toolName": null, "argumentsJson": "{}", "status": "FAILED",
             "durationMs": 1, "resultTruncated": null, "errorMessage": null}
            """);

    assertThat(result.errors())
        .containsExactly(
            new FieldError("events[0].toolName", "expected string, got null"),
            new FieldError("events[0].resultTruncated", "expected boolean, got null"));
  }

  @Test
  void numbersAreNeitherCoercedNorTruncated() {
    var result =
        read(
            VerificationCompleted.class,
            """
            {"verificationId": 7, "suggestionId": "s", "executionId": "x", "verdict": "PASSED",
             "testsRun": 1.5, "passed": "1", "failed": 3000000000}
            """);

    assertThat(result.errors())
        .containsExactly(
            new FieldError("events[0].verificationId", "expected string, got 7"),
            new FieldError("events[0].testsRun", "expected int, got 1.5"),
            new FieldError("events[0].passed", "expected int, got \"1\""),
            new FieldError("events[0].failed", "3000000000 is out of range for int"));
  }

  @Test
  void arrayItemsAndMapValuesAreNamedByIndexAndKey() {
    var verification =
        read(
            VerificationCompleted.class,
            """
            {"verificationId": "v", "suggestionId": "s", "executionId": "x", "verdict": "PASSED",
             "testsRun": 1, "passed": 1, "failed": 0, "passedTestNames": ["a", 2]}
            """);
    var turn =
        read(
            ConversationTurnRecorded.class,
            """
            {"turnId": "t1", "turnIndex": 0, "role": "USER", "content": "hi",
             "metadata": {"editor": ["vim"]}}
            """);

    assertThat(verification.errors())
        .containsExactly(new FieldError("events[0].passedTestNames[1]", "expected string, got 2"));
    assertThat(turn.errors())
        .containsExactly(
            new FieldError("events[0].metadata[\"editor\"]", "expected string, got an array"));
  }

  @Test
  void aSuppliedFieldCannotBeSent() {
    var result =
        read(
            ConversationTurnRecorded.class,
            """
            {"header": {}, "turnId": "t1", "turnIndex": 0, "role": "USER", "content": "hi"}
            """);

    assertThat(result.errors())
        .containsExactly(
            new FieldError("events[0].header", "is set by the server and must not be sent"));
  }

  @Test
  void aBodyThatIsNotAnObjectIsRefused() {
    var result = read(MetricRecorded.class, "[1, 2]");

    assertThat(result.errors())
        .containsExactly(
            new FieldError("events[0]", "expected an object (MetricRecorded), got an array"));
  }

  @Test
  void errorsAreCappedPerEvent() {
    StringBuilder names = new StringBuilder("[");
    for (int i = 0; i < 50; i++) {
      names.append(i == 0 ? "" : ",").append(i);
    }
    var result =
        read(
            VerificationCompleted.class,
            """
            {"verificationId": "v", "suggestionId": "s", "executionId": "x", "verdict": "PASSED",
             "testsRun": 1, "passed": 1, "failed": 0, "passedTestNames": %s]}
            """
                .formatted(names));

    assertThat(result.errors()).hasSize(JsonToAvro.MAX_ERRORS + 1);
    assertThat(result.errors().get(JsonToAvro.MAX_ERRORS).reason()).contains("left out");
  }

  @Test
  void longTextIsCutInErrors() {
    String longText = "x".repeat(1000);
    var result =
        read(
            MetricRecorded.class,
            "{\"name\": \"n\", \"kind\": \"%s\", \"value\": 1, \"unit\": \"u\"}"
                .formatted(longText));

    assertThat(result.errors().get(0).reason()).hasSizeLessThan(200).contains("...");
  }

  private static <T extends SpecificRecord> JsonToAvro.Result<T> read(Class<T> type, String json) {
    return JsonToAvro.read(type, json(json), "events[0]", SUPPLIED);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** The record is complete: Avro writes it without complaint. */
  private static boolean encodes(SpecificRecord record) throws IOException {
    var out = new ByteArrayOutputStream();
    var encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<SpecificRecord>(
            record.getSchema(), SpecificData.getForClass(record.getClass()))
        .write(record, encoder);
    encoder.flush();
    return out.size() > 0;
  }
}
