package dev.agentos.command.execution;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.EventHeaders;
import dev.agentos.command.FieldLimits;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.RuleViolationException;
import dev.agentos.command.execution.api.CompleteExecutionCommand;
import dev.agentos.command.execution.api.FailExecutionCommand;
import dev.agentos.command.execution.api.RequestExecutionCommand;
import dev.agentos.command.execution.api.RunReport;
import dev.agentos.command.execution.api.StartExecutionCommand;
import dev.agentos.command.execution.api.TimeOutExecutionCommand;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.ExecutionStarted;
import dev.agentos.schemas.streams.StreamIds;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One run of code in the sandbox. It is requested with a language and code or files, within the
 * limits {@link ExecutionLimitPolicy} allows; the executor starts it once; it ends exactly once:
 * completed (SUCCEEDED or FAILED) or timed out after its start, or failed by the sandbox at any
 * time before its end. Nothing is accepted after the end, and only callers that may see it ({@link
 * CommandOrigin#reaches}) may touch it; others are answered as for an unknown id.
 */
@Aggregate
public class Execution {

  private enum Stage {
    REQUESTED,
    STARTED,
    ENDED
  }

  /** {@link StreamIds#of} the tenant and the id: ids are unique per tenant only. */
  @AggregateIdentifier private String streamId;

  private String executionId;
  private EventHeader request;
  private long wallTimeoutMs;
  private Stage stage;

  /**
   * An execution before its request: Axon's aggregate factory, and handlers that request one
   * through the repository alongside another aggregate's change, start from it.
   */
  public Execution() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  public CommandResult handle(
      RequestExecutionCommand command, EventHeaders headers, ExecutionLimitPolicy policy) {
    String language = ExecutionRules.language("language", command.language());
    Map<String, String> files = Objects.requireNonNullElse(command.files(), Map.of());
    Map<String, String> environment = Objects.requireNonNullElse(command.environment(), Map.of());
    ExecutionRules.source(command.code(), files, environment);
    FieldLimits.requireLength("stdin", command.stdin(), FieldLimits.STDIN);
    FieldLimits.requireLength("command", command.command(), FieldLimits.COMMAND);
    apply(
        ExecutionRequested.newBuilder()
            .setHeader(headers.next(command.origin()))
            .setExecutionId(command.executionId())
            .setSuggestionId(command.suggestionId())
            .setLanguage(language)
            .setLanguageVersion(command.languageVersion())
            .setCode(files.isEmpty() ? command.code() : null)
            .setFiles(Map.copyOf(files))
            .setCommand(command.command())
            .setEnvironment(Map.copyOf(environment))
            .setStdin(command.stdin())
            .setLimits(policy.resolve(command.limits()))
            .build());
    return result();
  }

  @CommandHandler
  public CommandResult handle(StartExecutionCommand command, EventHeaders headers) {
    requireOpen(command.origin());
    if (stage == Stage.STARTED) {
      throw new RuleViolationException("execution " + executionId + " has already started");
    }
    ExecutionRules.required("sandboxId", command.sandboxId());
    ExecutionRules.required("runtime", command.runtime());
    Duration queued = Duration.between(request.getOccurredAt(), headers.clock().instant());
    apply(
        ExecutionStarted.newBuilder()
            .setHeader(headers.next(ownOrigin(command.origin())))
            .setExecutionId(executionId)
            .setSandboxId(command.sandboxId())
            .setRuntime(command.runtime())
            .setQueuedMs(Math.max(0, queued.toMillis()))
            .build());
    return result();
  }

  @CommandHandler
  public CommandResult handle(CompleteExecutionCommand command, EventHeaders headers) {
    requireStarted(command.origin());
    if (command.outcome() != ExecutionOutcome.SUCCEEDED
        && command.outcome() != ExecutionOutcome.FAILED) {
      throw new InvalidCommandException(
          "outcome", "must be SUCCEEDED or FAILED; timeouts and sandbox errors are reported apart");
    }
    if (command.exitCode() == null) {
      throw new InvalidCommandException("exitCode", "a process that exited has an exit code");
    }
    end(command.origin(), headers, command.outcome(), command.exitCode(), command.report(), null);
    return result();
  }

  @CommandHandler
  public CommandResult handle(TimeOutExecutionCommand command, EventHeaders headers) {
    requireStarted(command.origin());
    String reason = "killed at the wall timeout of " + wallTimeoutMs + " ms";
    end(command.origin(), headers, ExecutionOutcome.TIMED_OUT, null, command.report(), reason);
    return result();
  }

  /** Allowed before the start too: a sandbox may fail to start at all. */
  @CommandHandler
  public CommandResult handle(FailExecutionCommand command, EventHeaders headers) {
    requireOpen(command.origin());
    ExecutionRules.required("errorMessage", command.errorMessage());
    RunReport report = Objects.requireNonNullElse(command.report(), RunReport.nothing());
    String error = command.errorMessage();
    end(command.origin(), headers, ExecutionOutcome.SANDBOX_ERROR, null, report, error);
    return result();
  }

  @EventSourcingHandler
  void on(ExecutionRequested event) {
    executionId = event.getExecutionId();
    streamId = StreamIds.of(event.getHeader().getTenantId(), executionId);
    request = event.getHeader();
    wallTimeoutMs = event.getLimits().getWallTimeoutMs();
    stage = Stage.REQUESTED;
  }

  @EventSourcingHandler
  void on(ExecutionStarted event) {
    stage = Stage.STARTED;
  }

  @EventSourcingHandler
  void on(ExecutionCompleted event) {
    stage = Stage.ENDED;
  }

  private void end(
      CommandOrigin caller,
      EventHeaders headers,
      ExecutionOutcome outcome,
      Integer exitCode,
      RunReport report,
      String errorMessage) {
    EventHeader header = headers.next(ownOrigin(caller));
    apply(RunEnds.completed(header, executionId, outcome, exitCode, report, errorMessage));
  }

  private void requireOpen(CommandOrigin caller) {
    if (request == null) {
      // The id names another kind of aggregate: no execution was ever requested under it.
      throw NotFoundException.item();
    }
    caller.requireReach(request.getTenantId(), request.getProjectId());
    if (stage == Stage.ENDED) {
      throw new RuleViolationException("execution " + executionId + " has already ended");
    }
  }

  private void requireStarted(CommandOrigin caller) {
    requireOpen(caller);
    if (stage != Stage.STARTED) {
      throw new RuleViolationException("execution " + executionId + " has not started");
    }
  }

  /**
   * Events after the request keep the requester's tenant, project, agent and session, so they share
   * the request's Kafka key and stay in order with it; the trace is the reporter's.
   */
  private CommandOrigin ownOrigin(CommandOrigin caller) {
    return new CommandOrigin(
        request.getTenantId(),
        request.getProjectId(),
        request.getAgentId(),
        request.getSessionId(),
        caller.traceId());
  }

  private CommandResult result() {
    return new CommandResult(executionId, AggregateLifecycle.getVersion());
  }
}
