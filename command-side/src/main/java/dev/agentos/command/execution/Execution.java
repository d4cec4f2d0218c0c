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
import dev.agentos.command.execution.secrets.EnvironmentVault;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionLimits;
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
 * completed (SUCCEEDED or FAILED), killed at a limit (LIMIT_EXCEEDED) or timed out after its start,
 * or failed by the sandbox at any time before its end. Nothing is accepted after the end, and only
 * callers that may see it ({@link CommandOrigin#reaches}) may touch it; others are answered as for
 * an unknown id. Its environment's values never enter its events: they wait sealed in the {@link
 * EnvironmentVault} from the request to the end, and are handed out once, to the start.
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
  private ExecutionLimits limits;
  private boolean hasEnvironment;
  private String suggestionId;
  private String verificationId;
  private Stage stage;

  /**
   * An execution before its request: Axon's aggregate factory, and handlers that request one
   * through the repository alongside another aggregate's change, start from it.
   */
  public Execution() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  public CommandResult handle(
      RequestExecutionCommand command,
      EventHeaders headers,
      ExecutionLimitPolicy policy,
      EnvironmentVault vault) {
    String language = ExecutionRules.language("language", command.language());
    Map<String, String> files = Objects.requireNonNullElse(command.files(), Map.of());
    Map<String, String> environment = Objects.requireNonNullElse(command.environment(), Map.of());
    ExecutionRules.source(command.code(), files, environment);
    FieldLimits.requireLength("stdin", command.stdin(), FieldLimits.STDIN);
    FieldLimits.requireLength("command", command.command(), FieldLimits.COMMAND);
    ExecutionLimits resolved = policy.resolve(command.limits());
    if (!environment.isEmpty()) {
      vault.seal(command.origin().tenantId(), command.executionId(), environment);
    }
    apply(
        ExecutionRequested.newBuilder()
            .setHeader(headers.next(command.origin()))
            .setExecutionId(command.executionId())
            .setSuggestionId(command.suggestionId())
            .setVerificationId(command.verificationId())
            .setTestFramework(command.testFramework())
            .setLanguage(language)
            .setLanguageVersion(command.languageVersion())
            .setCode(files.isEmpty() ? command.code() : null)
            .setFiles(Map.copyOf(files))
            .setCommand(command.command())
            .setEnvironment(EnvironmentVault.redacted(environment))
            .setStdin(command.stdin())
            .setLimits(resolved)
            .build());
    return result();
  }

  /**
   * Starts it and answers its environment's values: the start is recorded once, so a redelivered
   * request that starts it again is refused ({@code already-started}) and never runs twice.
   */
  @CommandHandler
  public StartedExecution handle(
      StartExecutionCommand command, EventHeaders headers, EnvironmentVault vault) {
    requireOpen(command.origin());
    if (stage == Stage.STARTED) {
      throw new RuleViolationException(
          "already-started", "execution " + executionId + " has already started");
    }
    ExecutionRules.required("sandboxId", command.sandboxId());
    ExecutionRules.required("runtime", command.runtime());
    FieldLimits.requireLength("sandboxId", command.sandboxId(), FieldLimits.SANDBOX_NAME);
    FieldLimits.requireLength("runtime", command.runtime(), FieldLimits.SANDBOX_NAME);
    Map<String, String> environment =
        hasEnvironment ? vault.open(request.getTenantId(), executionId) : Map.of();
    Duration queued = Duration.between(request.getOccurredAt(), headers.clock().instant());
    apply(
        ExecutionStarted.newBuilder()
            .setHeader(headers.next(ownOrigin(command.origin())))
            .setExecutionId(executionId)
            .setSandboxId(command.sandboxId())
            .setRuntime(command.runtime())
            .setQueuedMs(Math.max(0, queued.toMillis()))
            .build());
    return new StartedExecution(executionId, AggregateLifecycle.getVersion(), environment);
  }

  @CommandHandler
  public CommandResult handle(
      CompleteExecutionCommand command, EventHeaders headers, EnvironmentVault vault) {
    requireStarted(command.origin());
    ExecutionOutcome outcome = command.outcome();
    if (outcome == ExecutionOutcome.LIMIT_EXCEEDED) {
      if (command.exceededLimit() == null) {
        throw new InvalidCommandException("exceededLimit", "name the limit that killed the run");
      }
      if (command.exitCode() != null) {
        throw new InvalidCommandException("exitCode", "a run killed at a limit has none");
      }
      String reason = RunEnds.killedAt(command.exceededLimit(), limits);
      end(
          command.origin(),
          headers,
          vault,
          new RunEnds.Ending(outcome, null, command.exceededLimit(), command.report(), reason));
      return result();
    }
    if (outcome != ExecutionOutcome.SUCCEEDED && outcome != ExecutionOutcome.FAILED) {
      throw new InvalidCommandException(
          "outcome",
          "must be SUCCEEDED, FAILED or LIMIT_EXCEEDED; timeouts and sandbox errors are reported"
              + " apart");
    }
    if (command.exitCode() == null) {
      throw new InvalidCommandException("exitCode", "a process that exited has an exit code");
    }
    if (command.exceededLimit() != null) {
      throw new InvalidCommandException("exceededLimit", "only for LIMIT_EXCEEDED");
    }
    end(
        command.origin(),
        headers,
        vault,
        new RunEnds.Ending(outcome, command.exitCode(), null, command.report(), null));
    return result();
  }

  @CommandHandler
  public CommandResult handle(
      TimeOutExecutionCommand command, EventHeaders headers, EnvironmentVault vault) {
    requireStarted(command.origin());
    String reason = "killed at the wall timeout of " + limits.getWallTimeoutMs() + " ms";
    end(
        command.origin(),
        headers,
        vault,
        new RunEnds.Ending(ExecutionOutcome.TIMED_OUT, null, null, command.report(), reason));
    return result();
  }

  /** Allowed before the start too: a sandbox may fail to start at all. */
  @CommandHandler
  public CommandResult handle(
      FailExecutionCommand command, EventHeaders headers, EnvironmentVault vault) {
    requireOpen(command.origin());
    ExecutionRules.required("errorMessage", command.errorMessage());
    RunReport report = Objects.requireNonNullElse(command.report(), RunReport.nothing());
    end(
        command.origin(),
        headers,
        vault,
        new RunEnds.Ending(
            ExecutionOutcome.SANDBOX_ERROR, null, null, report, command.errorMessage()));
    return result();
  }

  /**
   * The suggestion whose verification {@code verificationId} this execution ran, once it has ended:
   * a verification's result follows its run's. An execution of no such verification is answered as
   * an unknown id.
   */
  public String suggestionVerifiedAs(CommandOrigin caller, String verificationId) {
    if (request == null) {
      throw NotFoundException.item();
    }
    caller.requireReach(request.getTenantId(), request.getProjectId());
    boolean runsIt =
        suggestionId != null
            && (this.verificationId == null
                // Recorded before requests named their verification: the suggestion checks the
                // pair.
                || this.verificationId.equals(verificationId));
    if (!runsIt) {
      throw NotFoundException.item();
    }
    if (stage != Stage.ENDED) {
      throw new RuleViolationException(
          "not-ended", "execution " + executionId + " has not ended: complete it first");
    }
    return suggestionId;
  }

  @EventSourcingHandler
  void on(ExecutionRequested event) {
    executionId = event.getExecutionId();
    streamId = StreamIds.of(event.getHeader().getTenantId(), executionId);
    request = event.getHeader();
    limits = event.getLimits();
    hasEnvironment = !event.getEnvironment().isEmpty();
    suggestionId = event.getSuggestionId();
    verificationId = event.getVerificationId();
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

  /** Every end: the one event, and the environment's values are forgotten with it. */
  private void end(
      CommandOrigin caller, EventHeaders headers, EnvironmentVault vault, RunEnds.Ending ending) {
    apply(RunEnds.completed(headers.next(ownOrigin(caller)), executionId, ending));
    vault.discard(request.getTenantId(), executionId);
  }

  private void requireOpen(CommandOrigin caller) {
    if (request == null) {
      // The id names another kind of aggregate: no execution was ever requested under it.
      throw NotFoundException.item();
    }
    caller.requireReach(request.getTenantId(), request.getProjectId());
    if (stage == Stage.ENDED) {
      throw new RuleViolationException(
          "already-ended", "execution " + executionId + " has already ended");
    }
  }

  private void requireStarted(CommandOrigin caller) {
    requireOpen(caller);
    if (stage != Stage.STARTED) {
      throw new RuleViolationException(
          "not-started", "execution " + executionId + " has not started");
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
