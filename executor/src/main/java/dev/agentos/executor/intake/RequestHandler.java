package dev.agentos.executor.intake;

import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.VerificationRequested;

/** Runs one requested execution, and the verification it belongs to, to a recorded outcome. */
@FunctionalInterface
public interface RequestHandler {

  /**
   * Runs {@code request} and returns once its outcome is recorded; called on a thread of its own.
   * Outages of what records the outcome are waited out here, not thrown: a request whose handling
   * throws is logged and counted as done, so one bad request never holds the others back.
   *
   * @param verification the verification whose tests this run executes, or null
   */
  void handle(ExecutionRequested request, VerificationRequested verification) throws Exception;
}
