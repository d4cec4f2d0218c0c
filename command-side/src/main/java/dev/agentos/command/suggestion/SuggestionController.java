package dev.agentos.command.suggestion;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.execution.ExecutionLimitsRequest;
import dev.agentos.command.suggestion.api.ProposeSuggestionCommand;
import dev.agentos.command.suggestion.api.VerificationAccepted;
import dev.agentos.command.suggestion.api.VerifySuggestionCommand;
import dev.agentos.command.web.AgentOsHeaders;
import dev.agentos.command.web.CommandResponses;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Code suggestions agents propose, and their verification by running tests in the sandbox. */
@RestController
@RequestMapping("/v1/suggestions")
@Tag(name = "suggestions", description = "Propose code suggestions and verify them with tests")
public class SuggestionController {

  private final CommandGateway commands;

  public SuggestionController(CommandGateway commands) {
    this.commands = commands;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED) // documents the answer; the ResponseEntity sets it
  @RequiresScope(ApiKeyScope.EVENTS_WRITE)
  @Operation(summary = "Record a code change an agent proposed")
  public ResponseEntity<CommandResult> propose(
      @Valid @RequestBody ProposeSuggestionRequest body,
      Caller caller,
      @RequestHeader(value = AgentOsHeaders.SESSION, required = false) String sessionId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    String suggestionId =
        Objects.requireNonNullElseGet(body.suggestionId(), () -> UUID.randomUUID().toString());
    CommandResult result =
        commands.sendAndWait(
            new ProposeSuggestionCommand(
                suggestionId,
                body.turnId(),
                body.language(),
                body.filePath(),
                body.format(),
                body.code(),
                body.rationale(),
                body.confidence(),
                CommandOrigin.of(caller, sessionId, traceId)));
    return CommandResponses.created("/v1/suggestions/" + suggestionId, result);
  }

  @PostMapping("/{suggestionId}/verify")
  @ResponseStatus(HttpStatus.ACCEPTED) // documents the answer; the ResponseEntity sets it
  @RequiresScope(ApiKeyScope.EXECUTIONS_RUN)
  @Operation(
      summary = "Verify a suggestion by running tests over its code in the sandbox",
      description =
          "Records the verification and queues its execution (the suggestion's code plus the"
              + " files sent, run by testCommand) in one transaction, and answers 202 at once:"
              + " nothing has run yet. The result arrives as VerificationCompleted.")
  public ResponseEntity<VerificationAccepted> verify(
      @PathVariable String suggestionId,
      @Valid @RequestBody VerifySuggestionRequest body,
      Caller caller,
      @RequestHeader(value = AgentOsHeaders.SESSION, required = false) String sessionId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    VerificationAccepted accepted =
        commands.sendAndWait(
            new VerifySuggestionCommand(
                suggestionId,
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                body.testCommand(),
                body.testFramework(),
                body.files(),
                ExecutionLimitsRequest.toRequested(body.limits()),
                CommandOrigin.of(caller, sessionId, traceId)));
    return ResponseEntity.accepted()
        .location(URI.create("/v1/executions/" + accepted.executionId()))
        .eTag(IfMatch.etag(accepted.version()))
        .body(accepted);
  }
}
