package dev.agentos.command.ingest;

import static dev.agentos.command.ingest.EventBatchIngestTest.batch;
import static dev.agentos.command.ingest.EventBatchIngestTest.producer;
import static dev.agentos.command.ingest.RawEventReaderTest.CALLER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The batch's status code says what became of it as a whole. */
class IngestControllerTest {

  private static final String VALID =
      "{\"type\": \"MetricRecorded\", \"name\": \"n\", \"kind\": \"GAUGE\", \"value\": 1,"
          + " \"unit\": \"u\"}";
  private static final String INVALID = "{\"type\": \"MetricRecorded\"}";

  private final MockProducer<String, SpecificRecord> producer = producer(true);

  @Test
  void allAcceptedIs200() {
    assertThat(post(VALID, VALID).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void mixedIs207() {
    var response = post(VALID, INVALID);

    assertThat(response.getStatusCode().value()).isEqualTo(207);
    assertThat(((IngestResponse) response.getBody()).results()).hasSize(2);
  }

  @Test
  void allRejectedIs422StillListingTheResults() {
    var response = post(INVALID, INVALID);

    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat(((IngestResponse) response.getBody()).rejected()).isEqualTo(2);
  }

  @Test
  void nothingAcknowledgedIs503AskingForARetryWithTheSameIds() {
    producer.sendException = new TimeoutException("no broker");

    var response = post(VALID, INVALID);

    assertThat(response.getStatusCode().value()).isEqualTo(503);
    assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
    ProblemDetail problem = (ProblemDetail) response.getBody();
    assertThat(problem.getDetail()).contains("Kafka is unavailable").contains("same eventIds");
    assertThat(problem.getProperties()).containsKeys("results", "failed", "rejected");
  }

  private ResponseEntity<?> post(String... events) {
    var ingest =
        new EventBatchIngest(
            producer, new RawEventReader(Clock.systemUTC()), 1000, Duration.ofSeconds(5));
    return new IngestController(ingest).ingest(batch(events), CALLER, null, null);
  }
}
