package dev.agentos.executor.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.VerificationRequested;
import dev.agentos.executor.intake.Requests;
import dev.agentos.executor.output.OutputHub;
import dev.agentos.executor.run.ExecutionLifecycle.Start;
import dev.agentos.executor.sandbox.Isolation;
import dev.agentos.executor.sandbox.Language;
import dev.agentos.executor.sandbox.Outcome;
import dev.agentos.executor.sandbox.OutputExcerpt;
import dev.agentos.executor.sandbox.OutputListener;
import dev.agentos.executor.sandbox.OutputListener.Channel;
import dev.agentos.executor.sandbox.Runtime;
import dev.agentos.executor.sandbox.SandboxRequest;
import dev.agentos.executor.sandbox.SandboxResult;
import dev.agentos.executor.sandbox.SandboxRunner;
import dev.agentos.executor.verification.Verification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The runner's decisions, over a sandbox that answers at once and a lifecycle that records. */
class ExecutionRunnerTest {

  private static final Instant NOW = Instant.parse("2026-12-08T00:10:00Z");
  private static final Runtime PYTHON =
      new Runtime(Language.PYTHON, Path.of("/usr/bin/python3"), "Python 3.11.2");

  private final RecordingLifecycle lifecycle = new RecordingLifecycle();
  private final OutputHub output = new OutputHub(10);
  private final List<SandboxRequest> ran = new ArrayList<>();
  private SandboxResult result = exited(0);

  private final SandboxRunner sandbox =
      new SandboxRunner() {
        @Override
        public SandboxResult run(SandboxRequest request, OutputListener listener) {
          ran.add(request);
          listener.onOutput(Channel.STDOUT, "hello\n".getBytes(StandardCharsets.UTF_8));
          return result;
        }

        @Override
        public Isolation isolation() {
          return new Isolation("test", "none", "test");
        }
      };

  private final ExecutionRunner runner =
      new ExecutionRunner(
          sandbox,
          List.of(PYTHON),
          lifecycle,
          output,
          Duration.ofMinutes(5),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aStartedRequestRunsWithTheEnvironmentValuesOfTheStartAndItsEndIsRecorded() throws Exception {
    lifecycle.start = new Start.Started(Map.of("API_TOKEN", "s3cret"));

    runner.handle(request("python", NOW.minusSeconds(2)), null);

    assertThat(ran)
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.environment()).containsEntry("API_TOKEN", "s3cret");
              assertThat(run.command()).containsExactly("/usr/bin/python3", "main.py");
              assertThat(run.files()).containsKey("main.py");
              assertThat(run.limits().wallTime()).isEqualTo(Duration.ofSeconds(5));
            });
    assertThat(lifecycle.calls).containsExactly("start python", "end SUCCEEDED exit 0");
    List<String> followed = new ArrayList<>();
    output.follow("tenant", null, "e1", follower(followed));
    assertThat(followed).containsExactly("STDOUT hello\n", "end SUCCEEDED");
  }

  @Test
  void aRequestOlderThanTheQueueDeadlineExpiresUnrun() throws Exception {
    runner.handle(request("python", NOW.minus(Duration.ofMinutes(6))), null);

    assertThat(ran).isEmpty();
    assertThat(lifecycle.calls).containsExactly("expire after PT6M");
  }

  @Test
  void aLanguageWithoutRuntimeFailsWithTheReasonUnrun() throws Exception {
    runner.handle(request("cobol", NOW), null);

    assertThat(ran).isEmpty();
    assertThat(lifecycle.calls)
        .singleElement()
        .asString()
        .startsWith("fail this executor has no runtime for the language 'cobol'");
  }

  @Test
  void aRequestAnEarlierDeliveryStartedIsFailedNotRunAgain() throws Exception {
    lifecycle.start = new Start.AlreadyStarted();

    runner.handle(request("python", NOW), null);

    assertThat(ran).isEmpty();
    assertThat(lifecycle.calls)
        .containsExactly(
            "start python", "fail the executor running it stopped before its outcome was recorded");
  }

  @Test
  void aRedeliveredVerificationWhoseExecutionEndedIsJudgedUnrunNotRunAgain() throws Exception {
    lifecycle.start = new Start.AlreadyEnded();

    runner.handle(request("python", NOW), verification("pytest -q"));

    assertThat(ran).isEmpty();
    assertThat(lifecycle.calls)
        .containsExactly(
            "start python",
            "verdict ERROR (the executor stopped before it recorded the tests' result)");
  }

  @Test
  void endedAndUnknownRequestsAreLeftAlone() throws Exception {
    lifecycle.start = new Start.AlreadyEnded();
    runner.handle(request("python", NOW), null);
    lifecycle.start = new Start.Unknown();
    runner.handle(request("python", NOW), null);

    assertThat(ran).isEmpty();
    assertThat(lifecycle.calls).containsExactly("start python", "start python");
  }

  @Test
  void aRunKilledAtALimitIsRecordedAsThatLimitWithoutExitCode() throws Exception {
    lifecycle.start = new Start.Started(Map.of());
    result = killed(Outcome.MEMORY);

    runner.handle(request("python", NOW), null);

    assertThat(lifecycle.calls).last().isEqualTo("end LIMIT_EXCEEDED exit null");
    assertThat(lifecycle.ends)
        .singleElement()
        .extracting(RunEnd::reason)
        .isEqualTo("killed at the memory limit of 67108864 bytes");
  }

  @Test
  void aVerificationRunsItsTestCommandAskingForTheReportAndItsVerdictFollowsTheEnd()
      throws Exception {
    lifecycle.start = new Start.Started(Map.of());

    runner.handle(request("python", NOW), verification("pytest -q"));

    assertThat(ran)
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.command()).containsExactly("/bin/sh", "-c", "pytest -q");
              assertThat(run.environment().get("PYTEST_ADDOPTS")).contains("--junitxml=");
            });
    // The stand-in sandbox wrote no report: nothing was verified.
    assertThat(lifecycle.calls).hasSize(3);
    assertThat(lifecycle.calls.get(1)).isEqualTo("end SUCCEEDED exit 0");
    assertThat(lifecycle.calls.get(2)).startsWith("verdict ERROR");
  }

  @Test
  void aVerificationThatCannotRunIsJudgedWithTheReasonTheExecutionFailsWith() throws Exception {
    runner.handle(request("cobol", NOW), verification("cobc -x tests.cob"));

    assertThat(ran).isEmpty();
    assertThat(lifecycle.calls).hasSize(2);
    assertThat(lifecycle.calls.get(0)).startsWith("fail this executor has no runtime");
    assertThat(lifecycle.calls.get(1))
        .startsWith("verdict ERROR (this executor has no runtime for the language 'cobol'");
  }

  private static VerificationRequested verification(String testCommand) {
    return VerificationRequested.newBuilder()
        .setHeader(Requests.header())
        .setVerificationId("v1")
        .setSuggestionId("s1")
        .setExecutionId("e1")
        .setTestCommand(testCommand)
        .build();
  }

  private static OutputHub.Follower follower(List<String> heard) {
    return new OutputHub.Follower() {
      @Override
      public void chunk(OutputHub.Chunk chunk) {
        heard.add(chunk.channel() + " " + new String(chunk.bytes(), StandardCharsets.UTF_8));
      }

      @Override
      public void end(RunEnd end) {
        heard.add("end " + end.outcome());
      }
    };
  }

  private static ExecutionRequested request(String language, Instant requestedAt) {
    ExecutionRequested request = Requests.request("e1");
    request.setLanguage(language);
    request.getHeader().setOccurredAt(requestedAt);
    return request;
  }

  private static SandboxResult exited(int code) {
    return new SandboxResult(
        code,
        Outcome.EXITED,
        Duration.ofMillis(30),
        Optional.of(Duration.ofMillis(20)),
        OptionalLong.of(1 << 20),
        new OutputExcerpt("hello\n".getBytes(StandardCharsets.UTF_8), false),
        new OutputExcerpt(new byte[0], false));
  }

  private static SandboxResult killed(Outcome outcome) {
    return new SandboxResult(
        137,
        outcome,
        Duration.ofMillis(300),
        Optional.empty(),
        OptionalLong.empty(),
        new OutputExcerpt(new byte[0], false),
        new OutputExcerpt(new byte[0], false));
  }

  /** Records each call as a line, and answers starts with {@link #start}. */
  private static final class RecordingLifecycle implements ExecutionLifecycle {
    final List<String> calls = new ArrayList<>();
    final List<RunEnd> ends = new ArrayList<>();
    Start start = new Start.Unknown();

    @Override
    public Start start(ExecutionRequested request, String sandboxId, String runtime) {
      calls.add("start " + request.getLanguage());
      return start;
    }

    @Override
    public void end(ExecutionRequested request, RunEnd end) {
      calls.add("end " + end.outcome() + " exit " + end.exitCode());
      ends.add(end);
    }

    @Override
    public void fail(ExecutionRequested request, String reason) {
      calls.add("fail " + reason);
    }

    @Override
    public void expire(ExecutionRequested request, Duration waited) {
      calls.add("expire after " + waited);
    }

    @Override
    public void completeVerification(VerificationRequested verification, Verification result) {
      calls.add(
          "verdict "
              + result.verdict()
              + result.reason().map(reason -> " (" + reason + ")").orElse(""));
    }
  }
}
