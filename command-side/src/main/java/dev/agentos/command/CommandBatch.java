package dev.agentos.command;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Runs several commands as one unit of work in one database transaction: all are stored, or none.
 * Each command still goes through its aggregate's handler and rules; what is shared is the commit,
 * which is what a command costs most. A refusal names the command's index in the batch.
 */
@Component
public class CommandBatch {

  private final CommandGateway commands;
  private final TransactionManager transactions;

  public CommandBatch(CommandGateway commands, TransactionManager transactions) {
    this.commands = commands;
    this.transactions = transactions;
  }

  /**
   * @param field the request field holding the commands, e.g. {@code memories}, for error paths
   */
  public List<CommandResult> sendAll(String field, List<?> batch) {
    DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
    unitOfWork.attachTransaction(transactions);
    // Commands sent inside it run in nested units of work, which commit with this one.
    ResultMessage<List<CommandResult>> outcome =
        unitOfWork.executeWithResult(
            () -> {
              List<CommandResult> results = new ArrayList<>(batch.size());
              for (int i = 0; i < batch.size(); i++) {
                results.add(send(field + "[" + i + "]", batch.get(i)));
              }
              return results;
            });
    if (outcome.isExceptional()) {
      Throwable cause = outcome.exceptionResult();
      throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
    return outcome.getPayload();
  }

  private CommandResult send(String path, Object command) {
    try {
      return commands.sendAndWait(command);
    } catch (InvalidCommandException e) {
      String reason = e.getMessage().substring(e.field().length() + 2);
      throw new InvalidCommandException(path + "." + e.field(), reason);
    } catch (RuleViolationException e) {
      throw new RuleViolationException(path + ": " + e.getMessage());
    }
  }
}
