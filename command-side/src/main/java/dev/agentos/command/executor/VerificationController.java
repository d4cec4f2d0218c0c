package dev.agentos.command.executor;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.command.suggestion.api.CompleteVerificationCommand;
import dev.agentos.command.suggestion.api.CompletedVerification;
import dev.agentos.command.web.AgentOsHeaders;
import dev.agentos.command.web.IfMatch;
import dev.agentos.events.agents.ApiKeyScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The result of a suggestion's verification, recorded by the executor that ran its tests. */
@RestController
@Tag(name = "executor", description = ExecutorController.TAG)
public class VerificationController {

  private final CommandGateway commands;
  private final ExecutorReach reach;

  public VerificationController(CommandGateway commands, ExecutorReach reach) {
    this.commands = commands;
    this.reach = reach;
  }

  @PostMapping("/v1/verifications/{verificationId}/complete")
  @RequiresScope(ApiKeyScope.EXECUTOR)
  @Operation(
      summary = "Record a verification's verdict and each test's result",
      description =
          "After its execution (executionId) ended. Records VerificationCompleted on the"
              + " suggestion with the counts and the passed and failed names derived from tests"
              + " (ERROR counts as failed; SKIPPED is counted apart). PASSED needs a passed test"
              + " and no failed one. Once only: 409 already-completed; 409 not-ended before the"
              + " execution's end; 404 for a verification that execution did not run.")
  public ResponseEntity<CompletedVerification> complete(
      @PathVariable String verificationId,
      @Valid @RequestBody CompleteVerificationRequest body,
      Caller caller,
      @Parameter(description = "The tenant of the verification, as its events say")
          @RequestHeader(value = ExecutorReach.TENANT, required = false)
          String tenantId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    CompletedVerification completed =
        commands.sendAndWait(
            new CompleteVerificationCommand(
                verificationId,
                body.executionId(),
                body.verdict(),
                body.testCases(),
                reach.of(caller, tenantId, traceId)));
    return ResponseEntity.ok().eTag(IfMatch.etag(completed.version())).body(completed);
  }
}
