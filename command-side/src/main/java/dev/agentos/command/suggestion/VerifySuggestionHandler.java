package dev.agentos.command.suggestion;

import dev.agentos.command.EventHeaders;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.execution.Execution;
import dev.agentos.command.execution.ExecutionLimitPolicy;
import dev.agentos.command.execution.api.RequestExecutionCommand;
import dev.agentos.command.execution.secrets.EnvironmentVault;
import dev.agentos.command.suggestion.api.VerificationAccepted;
import dev.agentos.command.suggestion.api.VerifySuggestionCommand;
import dev.agentos.schemas.streams.StreamIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Verifies a suggestion: the {@link Suggestion} records {@code VerificationRequested} and a new
 * {@link Execution} is requested to run its tests, both or neither.
 *
 * <p>Why an external command handler working on both repositories: a command targets one aggregate,
 * and the alternatives split this change in two. A saga or event handler that reacts to {@code
 * VerificationRequested} by sending {@code RequestExecutionCommand} would store the verification
 * first and could then fail to request its execution (invalid limits, a crash), leaving a
 * verification that never runs and a 202 for a refused request. Here both aggregates are changed in
 * the one unit of work of this command, which Axon runs in one database transaction: their events
 * are appended together when it commits, and any refusal rolls back both.
 */
@Component
public class VerifySuggestionHandler {

  private final Repository<Suggestion> suggestions;
  private final Repository<Execution> executions;

  public VerifySuggestionHandler(
      Repository<Suggestion> suggestions, Repository<Execution> executions) {
    this.suggestions = suggestions;
    this.executions = executions;
  }

  @CommandHandler
  public VerificationAccepted handle(
      VerifySuggestionCommand command,
      EventHeaders headers,
      ExecutionLimitPolicy limits,
      EnvironmentVault vault)
      throws Exception {
    Aggregate<Suggestion> suggestion =
        load(StreamIds.of(command.origin().tenantId(), command.suggestionId()));
    RequestExecutionCommand run =
        suggestion.invoke(verified -> verified.requestVerification(command, headers));
    // Like Axon's own creation handlers: the request is handled once the new aggregate is
    // registered, so its event is applied (and its version known) at once.
    executions.newInstance(
        Execution::new,
        execution -> execution.execute(it -> it.handle(run, headers, limits, vault)));
    return new VerificationAccepted(
        command.verificationId(),
        command.executionId(),
        command.suggestionId(),
        suggestion.version());
  }

  private Aggregate<Suggestion> load(String streamId) {
    try {
      return suggestions.load(streamId);
    } catch (AggregateNotFoundException e) {
      throw NotFoundException.item();
    }
  }
}
