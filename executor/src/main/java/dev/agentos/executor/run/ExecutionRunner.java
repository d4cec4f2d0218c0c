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
import dev.agentos.executor.sandbox.SandboxRunner;
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
 * its own while its output goes to the {@link OutputHub}, and its end recorded.
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
      return;
    }
    Optional<Runtime> runtime = runtimeFor(request.getLanguage());
    if (runtime.isEmpty()) {
      lifecycle.fail(
          request,
          "this executor has no runtime for the language '"
              + request.getLanguage()
              + "'; GET /v1/runtimes lists the ones it has");
      return;
    }
    if (request.getLimits().getNetworkAllowed()) {
      lifecycle.fail(request, "runs have no network in this executor's sandbox");
      return;
    }
    String sandboxId = "bwrap-" + UUID.randomUUID();
    Start start = lifecycle.start(request, sandboxId, runtime.get().version());
    if (start instanceof Start.Started started) {
      run(request, runtime.get(), started, sandboxId);
    } else if (start instanceof Start.AlreadyStarted) {
      lifecycle.fail(request, "the executor running it stopped before its outcome was recorded");
    } else if (start instanceof Start.Unknown) {
      log.warn(
          "{} of tenant {} is unknown to the command side; not run",
          request.getExecutionId(),
          request.getHeader().getTenantId());
    } // AlreadyEnded: a redelivery of a request whose outcome is recorded
  }

  private void run(
      ExecutionRequested request, Runtime runtime, Start.Started started, String sandboxId)
      throws InterruptedException {
    String tenant = request.getHeader().getTenantId();
    String id = request.getExecutionId();
    SandboxRequest plan = RunPlan.of(request, runtime, started.environment());
    output.opened(id, request.getHeader());
    RunEnd end;
    try {
      end =
          RunEnd.of(
              sandbox.run(plan, (channel, chunk) -> output.write(tenant, id, channel, chunk)),
              plan.limits());
    } catch (SandboxException e) {
      log.error("sandbox {} could not run {}", sandboxId, id, e);
      end = RunEnd.sandboxError("the sandbox could not run it: " + e.getMessage());
      output.ended(tenant, id, end);
      lifecycle.fail(request, end.reason());
      return;
    }
    lifecycle.end(request, end);
    output.ended(tenant, id, end);
  }

  private Optional<Runtime> runtimeFor(String language) {
    return Language.named(language)
        .flatMap(wanted -> runtimes.stream().filter(r -> r.language() == wanted).findFirst());
  }
}
