package dev.agentos.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.command.web.AgentOsHeaders;
import dev.agentos.events.agents.ApiKeyScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/events}: the raw event gateway. The status says what became of the batch as a
 * whole (200 all accepted, 207 mixed, 422 all rejected, 503 Kafka unreachable); the body says it
 * per event. Documented in {@code docs/api/ingest.md}.
 */
@RestController
@Tag(
    name = "ingest",
    description = "Record interactions, executions and metrics in batches (EVENTS_WRITE scope)")
public class IngestController {

  /** How long a client should wait before resending a batch Kafka did not take. */
  static final String RETRY_AFTER_SECONDS = "5";

  private final EventBatchIngest ingest;

  public IngestController(EventBatchIngest ingest) {
    this.ingest = ingest;
  }

  @PostMapping(path = "/v1/events", consumes = MediaType.APPLICATION_JSON_VALUE)
  @RequiresScope(ApiKeyScope.EVENTS_WRITE)
  @Operation(
      summary = "Ingest a batch of raw events; answers after Kafka acknowledged them",
      responses = {
        @ApiResponse(responseCode = "200", description = "every event accepted"),
        @ApiResponse(responseCode = "207", description = "some accepted, some not: see results"),
        @ApiResponse(responseCode = "413", description = "more events or bytes than allowed"),
        @ApiResponse(responseCode = "422", description = "no event accepted: see results"),
        @ApiResponse(
            responseCode = "503",
            description = "Kafka did not acknowledge; resend with the same eventIds")
      })
  public ResponseEntity<?> ingest(
      @RequestBody JsonNode body,
      Caller caller,
      @RequestHeader(value = AgentOsHeaders.SESSION, required = false) String sessionId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    IngestResponse response = ingest.ingest(body, caller, sessionId, traceId);
    if (response.accepted() == 0 && response.failed() > 0) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .body(unavailable(response));
    }
    HttpStatus status;
    if (response.accepted() == response.results().size()) {
      status = HttpStatus.OK;
    } else if (response.accepted() == 0) {
      status = HttpStatus.UNPROCESSABLE_ENTITY;
    } else {
      status = HttpStatus.MULTI_STATUS;
    }
    return ResponseEntity.status(status).body(response);
  }

  private static ProblemDetail unavailable(IngestResponse response) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Kafka is unavailable: none of the events was accepted. Resend the batch with the"
                + " same eventIds (see results); events Kafka took after all are then dropped as"
                + " repeats.");
    problem.setType(URI.create("https://agentos.dev/problems/kafka-unavailable"));
    problem.setProperty("accepted", response.accepted());
    problem.setProperty("rejected", response.rejected());
    problem.setProperty("failed", response.failed());
    problem.setProperty("results", response.results());
    return problem;
  }
}
