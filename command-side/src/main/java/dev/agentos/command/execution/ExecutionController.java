package dev.agentos.command.execution;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.execution.api.RequestExecutionCommand;
import dev.agentos.command.web.AgentOsHeaders;
import dev.agentos.command.web.IfMatch;
import dev.agentos.events.agents.ApiKeyScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Requests sandboxed runs of code; the run itself is the executor's, later. */
@RestController
@RequestMapping("/v1/executions")
@Tag(name = "executions", description = "Request sandboxed code runs (EXECUTIONS_RUN scope)")
public class ExecutionController {

  private final CommandGateway commands;

  public ExecutionController(CommandGateway commands) {
    this.commands = commands;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED) // documents the answer; the ResponseEntity sets it
  @RequiresScope(ApiKeyScope.EXECUTIONS_RUN)
  @Operation(
      summary = "Queue code to run in the sandbox",
      description =
          "Records the request and answers at once with status QUEUED; nothing has run yet. The"
              + " sandbox executor runs it within the limits (defaults for those left out, never"
              + " with network) and records the outcome as ExecutionCompleted. The environment's"
              + " values are kept sealed apart: the event holds the names only, each as"
              + " \"[redacted]\".")
  public ResponseEntity<QueuedExecution> request(
      @Valid @RequestBody RequestExecutionRequest body,
      Caller caller,
      @RequestHeader(value = AgentOsHeaders.SESSION, required = false) String sessionId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    String executionId =
        Objects.requireNonNullElseGet(body.executionId(), () -> UUID.randomUUID().toString());
    CommandResult result =
        commands.sendAndWait(
            new RequestExecutionCommand(
                executionId,
                null,
                null,
                null,
                body.language(),
                body.languageVersion(),
                body.code(),
                body.files(),
                body.command(),
                body.environment(),
                body.stdin(),
                ExecutionLimitsRequest.toRequested(body.limits()),
                CommandOrigin.of(caller, sessionId, traceId)));
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/v1/executions/" + executionId))
        .eTag(IfMatch.etag(result.version()))
        .body(QueuedExecution.of(executionId, result.version()));
  }
}
