package dev.agentos.executor.service;

import dev.agentos.client.AgentOsApiException;
import dev.agentos.client.AgentOsClient;
import dev.agentos.client.AgentOsTransportException;
import dev.agentos.client.ExecutorApi;
import dev.agentos.client.executor.CompleteExecution;
import dev.agentos.client.executor.CompleteVerification;
import dev.agentos.client.executor.CompleteVerification.TestOutcome;
import dev.agentos.client.executor.RunReport;
import dev.agentos.client.executor.StartExecution;
import dev.agentos.client.executor.StartedExecution;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.VerificationRequested;
import dev.agentos.executor.run.ExecutionLifecycle;
import dev.agentos.executor.run.RunEnd;
import dev.agentos.executor.verification.Verification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.retry.support.RetryTemplate;

/**
 * Records what happens to executions through the command side's executor endpoints (ADR 0013). An
 * outage of the command side (no connection, 5xx, 429) is waited out with backoff for as long as it
 * lasts: the request's offset stays uncommitted meanwhile, and the intake fetches no more than its
 * slots hold. A transition the command side already has answers 409; that is the outcome of an
 * earlier delivery, and counts as done.
 */
final class CommandSideLifecycle implements ExecutionLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CommandSideLifecycle.class);
  private static final String PROBLEMS = "https://agentos.dev/problems/";

  /** The command side's bounds on an excerpt and on a reason (FieldLimits, ADR 0013). */
  static final int MAX_EXCERPT = 100_000;

  static final int MAX_REASON = 4_000;

  private static final Set<String> DONE_ALREADY =
      Set.of("already-ended", "already-completed", "already-started");

  private final ExecutorApi api;
  private final RetryTemplate outages;

  CommandSideLifecycle(ExecutorApi api, RetryTemplate outages) {
    this.api = api;
    this.outages = outages;
  }

  static CommandSideLifecycle create(String commandSideUrl, Path apiKeyFile) {
    AgentOsClient client =
        AgentOsClient.builder().commandUrl(commandSideUrl).apiKey(readKey(apiKeyFile)).build();
    RetryTemplate outages =
        RetryTemplate.builder()
            .infiniteRetry()
            .retryOn(Outage.class)
            .exponentialBackoff(Duration.ofMillis(200), 2, Duration.ofSeconds(30))
            .withListener(new OutageLog())
            .build();
    return new CommandSideLifecycle(client.executor(), outages);
  }

  @Override
  public Start start(ExecutionRequested request, String sandboxId, String runtime) {
    try {
      StartedExecution started =
          call(
              () ->
                  api.start(
                      tenant(request),
                      request.getExecutionId(),
                      new StartExecution(sandboxId, runtime)));
      return new Start.Started(started.environment());
    } catch (AgentOsApiException e) {
      if (e.status() == 404) {
        return new Start.Unknown();
      }
      return switch (problem(e)) {
        case "already-started" -> new Start.AlreadyStarted();
        case "already-ended" -> new Start.AlreadyEnded();
        case "environment-unavailable" ->
            new Start.Refused(
                "its environment's values could not be opened: " + e.detail().orElse(""));
        default -> throw e;
      };
    }
  }

  @Override
  public void end(ExecutionRequested request, RunEnd end) {
    String tenant = tenant(request);
    String id = request.getExecutionId();
    String stdout = excerpt(end.stdout());
    String stderr = excerpt(end.stderr());
    RunReport report =
        new RunReport(
            end.durationMs(),
            end.cpuTimeMs(),
            end.peakMemoryBytes(),
            stdout,
            stderr,
            end.outputTruncated()
                || stdout.length() < end.stdout().length()
                || stderr.length() < end.stderr().length());
    idempotently(
        () -> {
          if (end.outcome() == ExecutionOutcome.TIMED_OUT) {
            api.timeOut(tenant, id, report);
          } else if (end.outcome() == ExecutionOutcome.SANDBOX_ERROR) {
            api.fail(tenant, id, cut(end.reason(), MAX_REASON), report);
          } else {
            api.complete(
                tenant,
                id,
                new CompleteExecution(
                    end.outcome().name(), end.exitCode(), end.exceededLimit(), report));
          }
        });
  }

  /**
   * A request the command side does not know (written to Kafka by someone else, such as the raw
   * history an earlier demo imported) answers 404: there is nothing to fail, and nothing was run.
   */
  @Override
  public void fail(ExecutionRequested request, String reason) {
    try {
      idempotently(
          () -> api.fail(tenant(request), request.getExecutionId(), cut(reason, MAX_REASON), null));
    } catch (AgentOsApiException e) {
      if (e.status() != 404) {
        throw e;
      }
      log.debug("{} is unknown to the command side; nothing to fail", request.getExecutionId());
    }
  }

  @Override
  public void expire(ExecutionRequested request, Duration waited) {
    fail(
        request,
        "not run: it waited "
            + waited.toSeconds()
            + " s in the queue, past the executor's deadline; an agent has moved on by then");
  }

  @Override
  public void completeVerification(VerificationRequested verification, Verification result) {
    CompleteVerification body =
        new CompleteVerification(
            verification.getExecutionId(),
            result.verdict().name(),
            result.report().tests().stream()
                .map(test -> new TestOutcome(test.name(), test.status().name()))
                .toList());
    try {
      idempotently(
          () ->
              api.completeVerification(
                  verification.getHeader().getTenantId(), verification.getVerificationId(), body));
    } catch (AgentOsApiException e) {
      if (e.status() != 404) {
        throw e;
      }
      // Like its execution's: a verification written to Kafka by someone else.
      log.debug("{} is unknown to the command side", verification.getVerificationId());
    }
  }

  /** Runs {@code change}; a 409 saying it was made already counts as done. */
  private void idempotently(Runnable change) {
    try {
      call(
          () -> {
            change.run();
            return null;
          });
    } catch (AgentOsApiException e) {
      if (e.status() != 409 || !DONE_ALREADY.contains(problem(e))) {
        throw e;
      }
    }
  }

  private <T> T call(Supplier<T> call) {
    return outages.execute(
        attempt -> {
          try {
            return call.get();
          } catch (AgentOsTransportException e) {
            throw new Outage(e);
          } catch (AgentOsApiException e) {
            if (e.status() >= 500 || e.status() == 429) {
              throw new Outage(e);
            }
            throw e;
          }
        });
  }

  /**
   * The start of a run's output that the command side takes (at most {@value #MAX_EXCERPT}
   * characters; more is refused as invalid, and the run would never end), never cut inside a
   * surrogate pair.
   */
  static String excerpt(String output) {
    return cut(output, MAX_EXCERPT);
  }

  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
  }

  private static String tenant(ExecutionRequested request) {
    return request.getHeader().getTenantId();
  }

  /** The last segment of the problem's type: the kind of refusal. */
  private static String problem(AgentOsApiException e) {
    return e.problem()
        .map(p -> p.type())
        .filter(type -> type != null && type.startsWith(PROBLEMS))
        .map(type -> type.substring(PROBLEMS.length()))
        .orElse("");
  }

  private static String readKey(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the executor's API key from "
              + file.toAbsolutePath()
              + " (agentos.executor.api-key-file): the command side writes it at its first start",
          e);
    }
  }

  /** The command side cannot answer now; the call is made again after a pause. */
  static final class Outage extends RuntimeException {
    Outage(RuntimeException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** One line per failed attempt, so a long outage shows in the log while the run waits. */
  private static final class OutageLog implements org.springframework.retry.RetryListener {
    @Override
    public <T, E extends Throwable> void onError(
        org.springframework.retry.RetryContext context,
        org.springframework.retry.RetryCallback<T, E> callback,
        Throwable error) {
      if (!(error instanceof Outage)) {
        return; // a refusal: the caller decides what it means
      }
      log.warn(
          "the command side did not answer (attempt {}): {}; trying again",
          context.getRetryCount(),
          error.getMessage());
    }
  }
}
