package dev.agentos.command.ingest;

import static dev.agentos.command.ingest.RawEventReaderTest.CALLER;
import static dev.agentos.command.ingest.RawEventReaderTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.auth.PayloadTooLargeException;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.ingest.EventResult.Status;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.interactions.ConversationTurnRecorded;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.schemas.topics.MetricSeries;
import dev.agentos.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EventBatchIngestTest {

  private static final String TURN =
      """
      {"type": "ConversationTurnRecorded", "sessionId": "s-1", "turnId": "t1", "turnIndex": 0,
       "role": "USER", "content": "hi"}
      """;
  private static final String METRIC =
      """
      {"type": "MetricRecorded", "name": "agent.tokens.used", "kind": "COUNTER", "value": 3,
       "unit": "tokens", "tags": {"model": "m"}}
      """;
  private static final String EXECUTION =
      """
      {"type": "ExecutionCompleted", "executionId": "x-1", "outcome": "SUCCEEDED", "exitCode": 0,
       "timedOut": false, "durationMs": 10, "cpuTimeMs": 5, "peakMemoryBytes": 1024,
       "stdoutExcerpt": "ok", "stderrExcerpt": ""}
      """;
  private static final String INVALID = "{\"type\": \"MetricRecorded\", \"name\": \"n\"}";

  private final MockProducer<String, SpecificRecord> producer = producer(true);

  @Test
  void aMixedBatchProducesOnlyTheValidEventsAndAnswersInOrder() {
    IngestResponse response = ingest(producer, TURN, INVALID, METRIC, EXECUTION);

    assertThat(response.results())
        .extracting(EventResult::index, EventResult::status)
        .containsExactly(
            tuple(0, Status.ACCEPTED),
            tuple(1, Status.REJECTED),
            tuple(2, Status.ACCEPTED),
            tuple(3, Status.ACCEPTED));
    assertThat(response.accepted()).isEqualTo(3);
    assertThat(response.rejected()).isEqualTo(1);
    assertThat(response.failed()).isZero();
    assertThat(response.results().get(1).errors())
        .extracting(FieldError::field)
        .contains("events[1].kind", "events[1].value", "events[1].unit");
    assertThat(producer.history())
        .extracting(ProducerRecord::topic)
        .containsExactly(
            Topics.INTERACTIONS_RAW.name(),
            Topics.METRICS_RAW.name(),
            Topics.EXECUTIONS_RAW.name());
  }

  @Test
  void anEventIdRepeatedWithOtherContentIsRefusedAndARepeatedEventIsNot() {
    String id = UUID.randomUUID().toString();
    String first =
        TURN.replace("\"turnId\": \"t1\"", "\"eventId\": \"" + id + "\", \"turnId\": \"t1\"");
    String other = first.replace("\"hi\"", "\"something else\"");

    IngestResponse response = ingest(producer, first, other, first, METRIC);

    assertThat(response.results())
        .extracting(EventResult::index, EventResult::status)
        .containsExactly(
            tuple(0, Status.ACCEPTED),
            tuple(1, Status.REJECTED),
            tuple(2, Status.ACCEPTED),
            tuple(3, Status.ACCEPTED));
    assertThat(response.results().get(1).errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.field()).isEqualTo("events[1].eventId");
              assertThat(error.reason()).contains("events[0]");
            });
    assertThat(producer.history()).hasSize(3);
  }

  @Test
  void aSessionOrTraceIdInAnEventThatIsNotAnIdIsRefusedNamingIt() {
    String spaced = TURN.replace("\"s-1\"", "\"a b c\"");
    String dots = TURN.replace("\"s-1\"", "\"..\"");
    String longTrace =
        TURN.replace("\"s-1\"", "\"s-1\", \"traceId\": \"" + "t".repeat(7000) + "\"");

    IngestResponse response = ingest(producer, spaced, dots, longTrace, TURN);

    assertThat(response.results())
        .extracting(EventResult::status)
        .containsExactly(Status.REJECTED, Status.REJECTED, Status.REJECTED, Status.ACCEPTED);
    assertThat(response.results().subList(0, 3))
        .extracting(result -> result.errors().get(0).field())
        .containsExactly("events[0].sessionId", "events[1].sessionId", "events[2].traceId");
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void eachEventIsKeyedByItsTopicsRule() {
    ingest(producer, TURN, METRIC, EXECUTION);

    var sent = producer.history();
    assertThat(sent.get(0).key()).isEqualTo("s-1");
    assertThat(sent.get(1).key())
        .isEqualTo(MetricSeries.keyOf((MetricRecorded) sent.get(1).value()));
    // Outside a session an execution is keyed by its own id.
    assertThat(sent.get(2).key()).isEqualTo("x-1");
    assertThat(sent.get(2).value()).isInstanceOf(ExecutionCompleted.class);
  }

  @Test
  void anAcceptedEventReportsItsIdAndWhereItWasWritten() {
    String id = UUID.randomUUID().toString();
    IngestResponse response =
        ingest(producer, METRIC.replace("{", "{\"eventId\": \"" + id + "\", "));

    EventResult result = response.results().get(0);
    assertThat(result.eventId()).isEqualTo(id);
    assertThat(result.topic()).isEqualTo(Topics.METRICS_RAW.name());
    assertThat(result.partition()).isNotNull();
    assertThat(result.offset()).isNotNull();
    assertThat(((MetricRecorded) producer.history().get(0).value()).getHeader().getEventId())
        .isEqualTo(id);
  }

  @Test
  void anAllRejectedBatchSendsNothing() {
    IngestResponse response = ingest(producer, INVALID, "{\"type\": \"Nope\"}");

    assertThat(response.rejected()).isEqualTo(2);
    assertThat(response.accepted()).isZero();
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void theHeaderIsTheCallersWhateverTheBodySays() {
    IngestResponse response =
        ingest(
            producer,
            TURN.replace("{", "{\"header\": {\"tenantId\": \"victim\"}, "),
            TURN.replace("{", "{\"tenantId\": \"victim\", "));

    assertThat(response.rejected()).isEqualTo(2);
    assertThat(producer.history()).isEmpty();

    ingest(producer, TURN);
    var header = ((ConversationTurnRecorded) producer.history().get(0).value()).getHeader();
    assertThat(header.getTenantId()).isEqualTo(CALLER.tenantId());
    assertThat(header.getProjectId()).isEqualTo(CALLER.projectId());
    assertThat(header.getAgentId()).isEqualTo(CALLER.agentId());
    assertThat(header.getSource()).isEqualTo("http-gateway");
  }

  @Test
  void anEventKafkaRefusesIsReportedFailedWithItsId() {
    MockProducer<String, SpecificRecord> manual = producer(false);
    CompletableFuture.runAsync(
        () -> {
          await().until(() -> manual.history().size() == 2);
          manual.completeNext();
          manual.errorNext(new NotEnoughReplicasException("2 of 3 replicas are down"));
        });

    IngestResponse response = ingest(manual, METRIC, TURN);

    assertThat(response.accepted()).isEqualTo(1);
    assertThat(response.failed()).isEqualTo(1);
    EventResult failed = response.results().get(1);
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.eventId()).isNotNull();
    assertThat(failed.reason()).contains("replicas are down").contains("same eventId");
  }

  @Test
  void anEventThatCannotBeSentIsReportedFailed() {
    producer.sendException = new SerializationException("the registry is unreachable");

    IngestResponse response = ingest(producer, METRIC);

    assertThat(response.failed()).isEqualTo(1);
    assertThat(response.results().get(0).reason()).contains("registry is unreachable");
  }

  @Test
  void anEventTooLargeForKafkaIsRejectedNotFailedSinceARetryCannotHelp() {
    producer.sendException = new RecordTooLargeException("2000000 bytes is over 1048576");

    IngestResponse response = ingest(producer, METRIC);

    assertThat(response.rejected()).isEqualTo(1);
    assertThat(response.results().get(0).errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.field()).isEqualTo("events[0]");
              assertThat(error.reason()).contains("too large").contains("2000000 bytes");
            });
  }

  @Test
  void anUnacknowledgedEventIsReportedFailedAfterTheTimeout() {
    MockProducer<String, SpecificRecord> silent = producer(false);
    var ingest =
        new EventBatchIngest(
            silent, new RawEventReader(Clock.systemUTC()), 10, Duration.ofMillis(50));

    IngestResponse response = ingest.ingest(batch(METRIC), CALLER, null, null);

    assertThat(response.failed()).isEqualTo(1);
    assertThat(response.results().get(0).reason()).contains("in time");
  }

  @Test
  void aBatchOverTheLimitIsTooLargeAndSendsNothing() {
    var ingest =
        new EventBatchIngest(
            producer, new RawEventReader(Clock.systemUTC()), 2, Duration.ofSeconds(1));

    assertThatThrownBy(() -> ingest.ingest(batch(METRIC, METRIC, METRIC), CALLER, null, null))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining("3 events")
        .hasMessageContaining("limit of 2");
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void aBodyWithoutEventsIsInvalid() {
    var ingest =
        new EventBatchIngest(
            producer, new RawEventReader(Clock.systemUTC()), 2, Duration.ofSeconds(1));

    assertThatThrownBy(() -> ingest.ingest(json("{\"events\": []}"), CALLER, null, null))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("events");
    assertThatThrownBy(() -> ingest.ingest(json("[]"), CALLER, null, null))
        .isInstanceOf(InvalidCommandException.class);
    assertThatThrownBy(
            () -> ingest.ingest(json("{\"events\": [{}], \"extra\": 1}"), CALLER, null, null))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("extra");
  }

  static IngestResponse ingest(MockProducer<String, SpecificRecord> producer, String... events) {
    return new EventBatchIngest(
            producer, new RawEventReader(Clock.systemUTC()), 1000, Duration.ofSeconds(10))
        .ingest(batch(events), CALLER, null, null);
  }

  static JsonNode batch(String... events) {
    return json("{\"events\": [" + String.join(",", events) + "]}");
  }

  static MockProducer<String, SpecificRecord> producer(boolean autoComplete) {
    return new MockProducer<>(
        autoComplete, null, new StringSerializer(), (topic, event) -> new byte[0]);
  }
}
