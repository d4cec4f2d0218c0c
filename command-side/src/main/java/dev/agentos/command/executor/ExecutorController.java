package dev.agentos.command.executor;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.execution.StartedExecution;
import dev.agentos.command.execution.api.CompleteExecutionCommand;
import dev.agentos.command.execution.api.FailExecutionCommand;
import dev.agentos.command.execution.api.StartExecutionCommand;
import dev.agentos.command.execution.api.TimeOutExecutionCommand;
import dev.agentos.command.web.AgentOsHeaders;
import dev.agentos.command.web.CommandResponses;
import dev.agentos.command.web.IfMatch;
import dev.agentos.events.agents.ApiKeyScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lifecycle of executions, driven by the sandbox executor and nobody else (ADR 0013): start,
 * then exactly one end. Each request names the execution's tenant in {@value ExecutorReach#TENANT}.
 */
@RestController
@RequestMapping("/v1/executions/{executionId}")
@Tag(name = "executor", description = ExecutorController.TAG)
public class ExecutorController {

  static final String TAG =
      "The sandbox executor's lifecycle of executions and verifications (EXECUTOR scope: a"
          + " platform key of the platform tenant that reaches every tenant, one per request, named"
          + " in X-Tenant-Id; ADMIN does not include it). 409 problem types: already-started,"
          + " already-ended, not-started, not-ended, already-completed, environment-unavailable.";
  static final String TENANT_DOC = "The tenant of the execution, as its ExecutionRequested says";

  private final CommandGateway commands;
  private final ExecutorReach reach;

  public ExecutorController(CommandGateway commands, ExecutorReach reach) {
    this.commands = commands;
    this.reach = reach;
  }

  @PostMapping("/start")
  @RequiresScope(ApiKeyScope.EXECUTOR)
  @Operation(
      summary = "Start a requested execution and receive its environment's values",
      description =
          "Records ExecutionStarted and answers the environment's values, kept sealed since the"
              + " request (the event log holds the names only): run it with them. Recorded once:"
              + " a second start answers 409 already-started, so a redelivered request never runs"
              + " twice; an ended one 409 already-ended. Values that cannot be opened answer 409"
              + " environment-unavailable and start nothing: fail the execution.")
  public ResponseEntity<StartedExecution> start(
      @PathVariable String executionId,
      @Valid @RequestBody StartExecutionRequest body,
      Caller caller,
      @Parameter(description = TENANT_DOC)
          @RequestHeader(value = ExecutorReach.TENANT, required = false)
          String tenantId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    StartedExecution started =
        commands.sendAndWait(
            new StartExecutionCommand(
                executionId, body.sandboxId(), body.runtime(), origin(caller, tenantId, traceId)));
    return ResponseEntity.ok()
        .eTag(IfMatch.etag(started.version()))
        .cacheControl(CacheControl.noStore())
        .body(started);
  }

  @PostMapping("/complete")
  @RequiresScope(ApiKeyScope.EXECUTOR)
  @Operation(
      summary = "Record that a started run ended by itself or at a limit",
      description =
          "outcome SUCCEEDED or FAILED with the process's exitCode; LIMIT_EXCEEDED with"
              + " exceededLimit (CPU_TIME, MEMORY, PROCESSES, OUTPUT, FILE_SIZE) and no exitCode."
              + " Records ExecutionCompleted and forgets the environment's values. 409 not-started"
              + " before the start, already-ended after any end.")
  public ResponseEntity<CommandResult> complete(
      @PathVariable String executionId,
      @Valid @RequestBody CompleteExecutionRequest body,
      Caller caller,
      @Parameter(description = TENANT_DOC)
          @RequestHeader(value = ExecutorReach.TENANT, required = false)
          String tenantId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    return CommandResponses.ok(
        commands.sendAndWait(
            new CompleteExecutionCommand(
                executionId,
                body.outcome(),
                body.exitCode(),
                body.exceededLimit(),
                body.report().toReport(),
                origin(caller, tenantId, traceId))));
  }

  @PostMapping("/timeout")
  @RequiresScope(ApiKeyScope.EXECUTOR)
  @Operation(
      summary = "Record that a started run was killed at its wall timeout",
      description = "Records ExecutionCompleted with outcome TIMED_OUT; 409 as for complete.")
  public ResponseEntity<CommandResult> timeOut(
      @PathVariable String executionId,
      @Valid @RequestBody TimeOutExecutionRequest body,
      Caller caller,
      @Parameter(description = TENANT_DOC)
          @RequestHeader(value = ExecutorReach.TENANT, required = false)
          String tenantId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    return CommandResponses.ok(
        commands.sendAndWait(
            new TimeOutExecutionCommand(
                executionId, body.report().toReport(), origin(caller, tenantId, traceId))));
  }

  @PostMapping("/fail")
  @RequiresScope(ApiKeyScope.EXECUTOR)
  @Operation(
      summary = "Record that the platform could not run it, before or after its start",
      description =
          "E.g. the deadline passed in the queue, the runtime is not installed, the sandbox broke."
              + " Records ExecutionCompleted with outcome SANDBOX_ERROR and the errorMessage; 409"
              + " already-ended after any end.")
  public ResponseEntity<CommandResult> fail(
      @PathVariable String executionId,
      @Valid @RequestBody FailExecutionRequest body,
      Caller caller,
      @Parameter(description = TENANT_DOC)
          @RequestHeader(value = ExecutorReach.TENANT, required = false)
          String tenantId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    return CommandResponses.ok(
        commands.sendAndWait(
            new FailExecutionCommand(
                executionId,
                body.errorMessage(),
                RunReportRequest.toReport(body.report()),
                origin(caller, tenantId, traceId))));
  }

  private CommandOrigin origin(Caller caller, String tenantId, String traceId) {
    return reach.of(caller, tenantId, traceId);
  }
}
