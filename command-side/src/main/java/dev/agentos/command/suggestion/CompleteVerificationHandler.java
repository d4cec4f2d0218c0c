package dev.agentos.command.suggestion;

import dev.agentos.command.EventHeaders;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.execution.Execution;
import dev.agentos.command.suggestion.api.CompleteVerificationCommand;
import dev.agentos.command.suggestion.api.CompletedVerification;
import dev.agentos.schemas.streams.StreamIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Records a verification's result on its {@link Suggestion}, found through the {@link Execution}
 * that ran its tests: the execution names its suggestion and must have ended, the suggestion knows
 * the verification and that it ran in this execution. A verification lives in its suggestion's
 * stream, which the executor cannot name from the verification's id alone; the execution's id it
 * holds (it ran it) leads there, within the tenant the executor names.
 */
@Component
public class CompleteVerificationHandler {

  private final Repository<Suggestion> suggestions;
  private final Repository<Execution> executions;

  public CompleteVerificationHandler(
      Repository<Suggestion> suggestions, Repository<Execution> executions) {
    this.suggestions = suggestions;
    this.executions = executions;
  }

  @CommandHandler
  public CompletedVerification handle(CompleteVerificationCommand command, EventHeaders headers)
      throws Exception {
    String tenantId = command.origin().tenantId();
    Aggregate<Execution> execution =
        load(executions, StreamIds.of(tenantId, command.executionId()));
    String suggestionId =
        execution.invoke(
            ran -> ran.suggestionVerifiedAs(command.origin(), command.verificationId()));
    Aggregate<Suggestion> suggestion = load(suggestions, StreamIds.of(tenantId, suggestionId));
    suggestion.execute(verified -> verified.completeVerification(command, headers));
    return new CompletedVerification(
        command.verificationId(), suggestionId, command.executionId(), suggestion.version());
  }

  private static <T> Aggregate<T> load(Repository<T> repository, String streamId) {
    try {
      return repository.load(streamId);
    } catch (AggregateNotFoundException e) {
      throw NotFoundException.item();
    }
  }
}
