package dev.agentos.executor.run;

import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.VerificationRequested;
import dev.agentos.executor.intake.RequestHandler;
import dev.agentos.executor.output.OutputHub;
import dev.agentos.executor.run.ExecutionLifecycle.Start;
import dev.agentos.executor.sandbox.Language;
import dev.agentos.executor.sandbox.Runtime;
import dev.agentos.executor.sandbox.SandboxException;
import dev.agentos.executor.sandbox.SandboxRequest;
import dev.agentos.executor.sandbox.SandboxResult;
import dev.agentos.executor.sandbox.SandboxRunner;
import dev.agentos.executor.verification.TestReport;
import dev.agentos.executor.verification.Verification;
import dev.agentos.executor.verification.VerificationPlan;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one request from queue to recorded outcome: too old, it expires unrun; in a language this
 * executor lacks, it fails with the reason; otherwise it is started on the command side (which
 * answers whether an earlier delivery started it already, so none runs twice), run in a sandbox of
 * its own while its output goes to the {@link OutputHub}, and its end recorded. A verification's
 * execution runs the tests as its {@link VerificationPlan} says, and the verdict on the runner's
 * report is recorded after its end; whatever keeps the tests from running is its verdict's reason.
 */
public final class ExecutionRunner implements RequestHandler {

  private static final Logger log = LoggerFactory.getLogger(ExecutionRunner.class);

  private final SandboxRunner sandbox;
  private final List<Runtime> runtimes;
  private final ExecutionLifecycle lifecycle;
  private final OutputHub output;
  private final Duration maxQueueWait;
  private final Clock clock;

  /**
   * @param maxQueueWait how long a request may wait to be run; an agent has moved on after that,
   *     and a backlog after an outage should not run hours late
   */
  public ExecutionRunner(
      SandboxRunner sandbox,
      List<Runtime> runtimes,
      ExecutionLifecycle lifecycle,
      OutputHub output,
      Duration maxQueueWait,
      Clock clock) {
    this.sandbox = sandbox;
    this.runtimes = List.copyOf(runtimes);
    this.lifecycle = lifecycle;
    this.output = output;
    this.maxQueueWait = maxQueueWait;
    this.clock = clock;
  }

  @Override
  public void handle(ExecutionRequested request, VerificationRequested verification)
      throws InterruptedException {
    Duration waited = Duration.between(request.getHeader().getOccurredAt(), clock.instant());
    if (waited.compareTo(maxQueueWait) > 0) {
      lifecycle.expire(request, waited);
      judgeUnrun(verification, "its tests never ran: the request expired in the queue");
      return;
    }
    Optional<Runtime> runtime = runtimeFor(request.getLanguage());
    if (runtime.isEmpty()) {
      refuse(
          request,
          verification,
          "this executor has no runtime for the language '"
              + request.getLanguage()
              + "'; GET /v1/runtimes lists the ones it has");
      return;
    }
    if (request.getLimits().getNetworkAllowed()) {
      refuse(request, verification, "runs have no network in this executor's sandbox");
      return;
    }
    VerificationPlan tests = null;
    if (verification != null) {
      try {
        tests =
            VerificationPlan.of(
                request.getLanguage(),
                verification.getTestFramework(),
                verification.getTestCommand());
      } catch (IllegalArgumentException e) {
        refuse(request, verification, "its tests cannot be run: " + e.getMessage());
        return;
      }
    }
    String sandboxId = "bwrap-" + UUID.randomUUID();
    Start start = lifecycle.start(request, sandboxId, runtime.get().version());
    if (start instanceof Start.Started started) {
      run(new Run(request, verification, tests, runtime.get(), started, sandboxId));
    } else if (start instanceof Start.AlreadyStarted) {
      refuse(
          request, verification, "the executor running it stopped before its outcome was recorded");
    } else if (start instanceof Start.Refused refused) {
      refuse(request, verification, refused.reason());
    } else if (start instanceof Start.Unknown) {
      log.warn(
          "{} of tenant {} is unknown to the command side; not run",
          request.getExecutionId(),
          request.getHeader().getTenantId());
    } else if (start instanceof Start.AlreadyEnded) {
      // A redelivery: the outcome is recorded; a verdict may not be, if the executor stopped
      // between the two (a verdict recorded already is refused, and that is fine).
      judgeUnrun(verification, "the executor stopped before it recorded the tests' result");
    }
  }

  /**
   * The execution ends first: the command side records a verdict only for an ended execution.
   * Should the executor stop between the two, the redelivered request finds the execution ended and
   * judges the verification unrun ({@link #handle}).
   */
  private void run(Run run) throws InterruptedException {
    ExecutionRequested request = run.request();
    String tenant = request.getHeader().getTenantId();
    String id = request.getExecutionId();
    SandboxRequest plan;
    try {
      plan =
          run.tests() == null
              ? RunPlan.of(request, run.runtime(), run.started().environment())
              : RunPlan.ofTests(request, run.runtime(), run.tests(), run.started().environment());
    } catch (IllegalArgumentException e) {
      refuse(request, run.verification(), "its tests cannot be run: " + e.getMessage());
      return;
    }
    output.opened(id, request.getHeader());
    RunEnd end;
    SandboxResult result;
    try {
      result = sandbox.run(plan, (channel, chunk) -> output.write(tenant, id, channel, chunk));
      end = RunEnd.of(result, plan.limits());
    } catch (SandboxException e) {
      log.error("sandbox {} could not run {}", run.sandboxId(), id, e);
      end = RunEnd.sandboxError("the sandbox could not run it: " + e.getMessage());
      output.ended(tenant, id, end);
      refuse(request, run.verification(), end.reason());
      return;
    }
    lifecycle.end(request, end);
    if (run.verification() != null) {
      lifecycle.completeVerification(run.verification(), run.tests().verify(result));
    }
    output.ended(tenant, id, end);
  }

  /** Ends the execution unrun, then its verification with the same reason. */
  private void refuse(ExecutionRequested request, VerificationRequested verification, String reason)
      throws InterruptedException {
    lifecycle.fail(request, reason);
    judgeUnrun(verification, reason);
  }

  private void judgeUnrun(VerificationRequested verification, String reason)
      throws InterruptedException {
    if (verification != null) {
      lifecycle.completeVerification(verification, Verification.error(reason, TestReport.empty()));
    }
  }

  private Optional<Runtime> runtimeFor(String language) {
    return Language.named(language)
        .flatMap(wanted -> runtimes.stream().filter(r -> r.language() == wanted).findFirst());
  }

  /** One request being run, with what its start gave and what judges its tests. */
  private record Run(
      ExecutionRequested request,
      VerificationRequested verification,
      VerificationPlan tests,
      Runtime runtime,
      Start.Started started,
      String sandboxId) {}
}
