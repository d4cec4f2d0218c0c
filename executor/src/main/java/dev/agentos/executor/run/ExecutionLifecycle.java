package dev.agentos.executor.run;

import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.VerificationRequested;
import dev.agentos.executor.verification.Verification;
import java.time.Duration;
import java.util.Map;

/**
 * Where the executor records what happens to an execution: the command side's Execution and
 * Suggestion aggregates, reached through its API (the executor writes no event itself). Each call
 * waits out outages of the command side rather than failing: an outcome is recorded late, never
 * lost.
 */
public interface ExecutionLifecycle {

  /** What the command side answered to a start. */
  sealed interface Start {
    /** Started now; the environment's values, which the event log holds only the names of. */
    record Started(Map<String, String> environment) implements Start {}

    /** An earlier delivery of the request started it: an executor stopped while it ran. */
    record AlreadyStarted() implements Start {}

    /** It has ended already: a delivery of a request whose outcome is recorded. */
    record AlreadyEnded() implements Start {}

    /** The command side never accepted such a request: written to Kafka by someone else. */
    record Unknown() implements Start {}

    /** It cannot start as asked (its environment's values are lost): it is failed instead. */
    record Refused(String reason) implements Start {}
  }

  Start start(ExecutionRequested request, String sandboxId, String runtime)
      throws InterruptedException;

  void end(ExecutionRequested request, RunEnd end) throws InterruptedException;

  /** Ends it without a run: the sandbox could not run it, or the run was lost with an executor. */
  void fail(ExecutionRequested request, String reason) throws InterruptedException;

  /** Ends it unstarted: it waited {@code waited} in the queue, past the deadline. */
  void expire(ExecutionRequested request, Duration waited) throws InterruptedException;

  /** Records the verdict on a suggestion's tests, which the execution ran (or could not run). */
  void completeVerification(VerificationRequested verification, Verification result)
      throws InterruptedException;
}
