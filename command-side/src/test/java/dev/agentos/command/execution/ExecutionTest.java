package dev.agentos.command.execution;

import static dev.agentos.command.FixedEventHeaders.HEADERS;
import static dev.agentos.command.FixedEventHeaders.NOW;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.FieldLimits;
import dev.agentos.command.FixedEventHeaders;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.RuleViolationException;
import dev.agentos.command.execution.api.CompleteExecutionCommand;
import dev.agentos.command.execution.api.FailExecutionCommand;
import dev.agentos.command.execution.api.RequestExecutionCommand;
import dev.agentos.command.execution.api.RequestedLimits;
import dev.agentos.command.execution.api.RunReport;
import dev.agentos.command.execution.api.StartExecutionCommand;
import dev.agentos.command.execution.api.TimeOutExecutionCommand;
import dev.agentos.command.execution.secrets.EnvironmentVault;
import dev.agentos.command.execution.secrets.InMemoryEnvironmentVault;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionLimits;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.ExecutionStarted;
import dev.agentos.events.executions.ResourceLimit;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExecutionTest {

  private static final CommandOrigin AGENT = new CommandOrigin("t1", "p1", "a1", "s1", null);

  /**
   * The executor's reach: the tenant it names, any project ({@link CommandOrigin#platformService}).
   */
  private static final CommandOrigin EXECUTOR =
      new CommandOrigin("t1", null, "executor", null, "trace-9", true);

  private static final CommandOrigin OTHER_TENANT =
      new CommandOrigin("t2", "p1", "executor", null, null);
  private static final CommandOrigin OTHER_PROJECT =
      new CommandOrigin("t1", "p2", "executor", null, null);
  private static final RunReport REPORT = new RunReport(1200, 900, 50_000_000, "ok\n", "", false);

  private AggregateTestFixture<Execution> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Execution.class);
    fixture.registerInjectableResource(HEADERS);
    fixture.registerInjectableResource(TestLimits.POLICY);
    fixture.registerInjectableResource(new InMemoryEnvironmentVault());
  }

  @Test
  void canRequestAnExecutionWithTheDefaultLimits() {
    fixture
        .givenNoPriorActivity()
        .when(request("print(1)", Map.of(), RequestedLimits.defaults()))
        .expectEvents(requested());
  }

  @Test
  void canRequestAnExecutionOfFilesWithItsOwnLimits() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RequestExecutionCommand(
                "e1",
                null,
                null,
                null,
                "Python",
                "3.12",
                null,
                Map.of("test_x.py", "def test(): pass"),
                "pytest -q",
                Map.of("CI", "1"),
                null,
                new RequestedLimits(5_000L, null, 60_000L, null, false),
                AGENT))
        .expectEvents(
            ExecutionRequested.newBuilder()
                .setHeader(FixedEventHeaders.of(AGENT))
                .setExecutionId("e1")
                .setLanguage("python")
                .setLanguageVersion("3.12")
                .setFiles(Map.of("test_x.py", "def test(): pass"))
                .setCommand("pytest -q")
                .setEnvironment(Map.of("CI", EnvironmentVault.REDACTED))
                .setLimits(
                    ExecutionLimits.newBuilder()
                        .setCpuTimeMs(5_000)
                        .setMemoryBytes(TestLimits.DEFAULTS.getMemoryBytes())
                        .setWallTimeoutMs(60_000)
                        .setMaxOutputBytes(TestLimits.DEFAULTS.getMaxOutputBytes())
                        .build())
                .build());
  }

  @Test
  void cannotRequestAnExecutionWithoutALanguage() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RequestExecutionCommand(
                "e1", null, null, null, " ", null, "x", Map.of(), null, Map.of(), null, null,
                AGENT))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("language: must not be blank")
        .expectNoEvents();
  }

  @Test
  void cannotRequestAnExecutionWithNothingToRun() {
    fixture
        .givenNoPriorActivity()
        .when(request(null, Map.of(), null))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("code: give code or files to run");
  }

  @Test
  void cannotRequestAnExecutionOfBothCodeAndFiles() {
    fixture
        .givenNoPriorActivity()
        .when(request("print(1)", Map.of("a.py", "print(2)"), null))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("code: give code or files, not both");
  }

  @Test
  void cannotRequestAnExecutionWritingOutsideItsWorkingDirectory() {
    fixture
        .givenNoPriorActivity()
        .when(request(null, Map.of("src/../../etc/passwd", "x"), null))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage(
            "files: \"src/../../etc/passwd\" must be a relative path inside the working directory");
  }

  @Test
  void cannotRequestAnExecutionWithNetwork() {
    fixture
        .givenNoPriorActivity()
        .when(request("print(1)", Map.of(), new RequestedLimits(null, null, null, null, true)))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("limits.networkAllowed: the sandbox has no network");
  }

  @Test
  void cannotRequestAWallTimeoutAboveTheConfiguredMaximum() {
    fixture
        .givenNoPriorActivity()
        .when(request("print(1)", Map.of(), new RequestedLimits(null, null, 300_001L, null, null)))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("limits.wallTimeoutMs: must be at most 300000, was 300001")
        .expectNoEvents();
  }

  @Test
  void cannotRequestALimitThatIsNotPositive() {
    fixture
        .givenNoPriorActivity()
        .when(request("print(1)", Map.of(), new RequestedLimits(null, 0L, null, null, null)))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("limits.memoryBytes: must be positive, was 0");
  }

  @Test
  void canStartARequestedExecutionMeasuringItsTimeInTheQueue() {
    ExecutionRequested requestedEarlier = requested();
    requestedEarlier.getHeader().setOccurredAt(NOW.minusMillis(1500));
    fixture
        .given(requestedEarlier)
        .when(new StartExecutionCommand("e1", "sandbox-7", "python:3.12.4", EXECUTOR))
        .expectEvents(started(1500));
  }

  @Test
  void cannotStartAnExecutionTwice() {
    fixture
        .given(requested(), started(0))
        .when(new StartExecutionCommand("e1", "sandbox-8", "python:3.12.4", EXECUTOR))
        .expectException(refusedAs("already-started"))
        .expectExceptionMessage("execution e1 has already started")
        .expectNoEvents();
  }

  @Test
  void cannotStartAnExecutionOfAnotherTenant() {
    fixture
        // Ids are per tenant: t2's e1 is a stream of its own, empty; t1's is never loaded.
        .givenNoPriorActivity()
        .when(new StartExecutionCommand("e1", "sandbox-7", "python:3.12.4", OTHER_TENANT))
        .expectException(AggregateNotFoundException.class)
        .expectNoEvents();
  }

  @Test
  void cannotStartAnExecutionOfAnotherProject() {
    fixture
        .given(requested())
        .when(new StartExecutionCommand("e1", "sandbox-7", "python:3.12.4", OTHER_PROJECT))
        .expectException(NotFoundException.class)
        .expectExceptionMessage(NotFoundException.NO_ITEM)
        .expectNoEvents();
  }

  @Test
  void canCompleteAStartedExecution() {
    fixture
        .given(requested(), started(0))
        .when(
            new CompleteExecutionCommand(
                "e1", ExecutionOutcome.SUCCEEDED, 0, null, REPORT, EXECUTOR))
        .expectEvents(completed(ExecutionOutcome.SUCCEEDED, 0, null));
  }

  @Test
  void cannotCompleteAnExecutionThatHasNotStarted() {
    fixture
        .given(requested())
        .when(
            new CompleteExecutionCommand("e1", ExecutionOutcome.FAILED, 1, null, REPORT, EXECUTOR))
        .expectException(refusedAs("not-started"))
        .expectExceptionMessage("execution e1 has not started");
  }

  @Test
  void cannotCompleteAnExecutionAsTimedOut() {
    fixture
        .given(requested(), started(0))
        .when(
            new CompleteExecutionCommand(
                "e1", ExecutionOutcome.TIMED_OUT, null, null, REPORT, EXECUTOR))
        .expectException(InvalidCommandException.class)
        .expectNoEvents();
  }

  @Test
  void canTimeOutAStartedExecution() {
    fixture
        .given(requested(), started(0))
        .when(new TimeOutExecutionCommand("e1", REPORT, EXECUTOR))
        .expectEvents(
            completed(ExecutionOutcome.TIMED_OUT, null, "killed at the wall timeout of 30000 ms"));
  }

  @Test
  void cannotTimeOutAnExecutionThatHasNotStarted() {
    fixture
        .given(requested())
        .when(new TimeOutExecutionCommand("e1", REPORT, EXECUTOR))
        .expectException(RuleViolationException.class);
  }

  @Test
  void canFailAnExecutionTheSandboxNeverStarted() {
    fixture
        .given(requested())
        .when(new FailExecutionCommand("e1", "no sandbox for python 3.2", null, EXECUTOR))
        .expectEvents(
            ExecutionCompleted.newBuilder()
                .setHeader(FixedEventHeaders.of(sameSession()))
                .setExecutionId("e1")
                .setOutcome(ExecutionOutcome.SANDBOX_ERROR)
                .setTimedOut(false)
                .setDurationMs(0)
                .setCpuTimeMs(0)
                .setPeakMemoryBytes(0)
                .setStdoutExcerpt("")
                .setStderrExcerpt("")
                .setErrorMessage("no sandbox for python 3.2")
                .build());
  }

  @Test
  void cannotFailAnExecutionThatHasEnded() {
    fixture
        .given(requested(), started(0), completed(ExecutionOutcome.SUCCEEDED, 0, null))
        .when(new FailExecutionCommand("e1", "too late", null, EXECUTOR))
        .expectException(refusedAs("already-ended"))
        .expectExceptionMessage("execution e1 has already ended");
  }

  @Test
  void cannotStartAnExecutionThatHasEnded() {
    fixture
        .given(requested(), completed(ExecutionOutcome.SANDBOX_ERROR, null, "no sandbox"))
        .when(new StartExecutionCommand("e1", "sandbox-7", "python:3.12.4", EXECUTOR))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("execution e1 has already ended");
  }

  @Test
  void canRecordARunKilledAtALimitNamingTheLimitAndItsValue() {
    fixture
        .given(requested(), started(0))
        .when(
            new CompleteExecutionCommand(
                "e1",
                ExecutionOutcome.LIMIT_EXCEEDED,
                null,
                ResourceLimit.MEMORY,
                REPORT,
                EXECUTOR))
        .expectEvents(
            completedAt(ResourceLimit.MEMORY, "killed at the memory limit of 268435456 bytes"));
  }

  @Test
  void cannotRecordALimitWithoutNamingItOrWithAnExitCode() {
    fixture
        .given(requested(), started(0))
        .when(
            new CompleteExecutionCommand(
                "e1", ExecutionOutcome.LIMIT_EXCEEDED, null, null, REPORT, EXECUTOR))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("exceededLimit: name the limit that killed the run")
        .expectNoEvents();
    fixture
        .given(requested(), started(0))
        .when(
            new CompleteExecutionCommand(
                "e1",
                ExecutionOutcome.LIMIT_EXCEEDED,
                137,
                ResourceLimit.CPU_TIME,
                REPORT,
                EXECUTOR))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("exitCode: a run killed at a limit has none");
  }

  @Test
  void cannotNameALimitForARunThatExitedByItself() {
    fixture
        .given(requested(), started(0))
        .when(
            new CompleteExecutionCommand(
                "e1", ExecutionOutcome.FAILED, 1, ResourceLimit.OUTPUT, REPORT, EXECUTOR))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("exceededLimit: only for LIMIT_EXCEEDED");
  }

  @Test
  void cannotRecordAnExcerptOverItsBound() {
    RunReport flooded =
        new RunReport(1, 1, 1, "x".repeat(FieldLimits.OUTPUT_EXCERPT + 1), "", true);
    fixture
        .given(requested(), started(0))
        .when(new TimeOutExecutionCommand("e1", flooded, EXECUTOR))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage(
            "report.stdoutExcerpt: must be at most 100000 characters, was 100001")
        .expectNoEvents();
  }

  private static Matcher<RuleViolationException> refusedAs(String kind) {
    return new CustomTypeSafeMatcher<>("refused as " + kind) {
      @Override
      protected boolean matchesSafely(RuleViolationException refusal) {
        return refusal.kind().equals(kind);
      }
    };
  }

  private static ExecutionCompleted completedAt(ResourceLimit limit, String errorMessage) {
    ExecutionCompleted completed = completed(ExecutionOutcome.LIMIT_EXCEEDED, null, errorMessage);
    completed.setExceededLimit(limit);
    return completed;
  }

  private static RequestExecutionCommand request(
      String code, Map<String, String> files, RequestedLimits limits) {
    return new RequestExecutionCommand(
        "e1", null, null, null, "python", null, code, files, null, Map.of(), null, limits, AGENT);
  }

  private static ExecutionRequested requested() {
    return ExecutionRequested.newBuilder()
        .setHeader(FixedEventHeaders.of(AGENT))
        .setExecutionId("e1")
        .setLanguage("python")
        .setCode("print(1)")
        .setLimits(TestLimits.DEFAULTS)
        .build();
  }

  /** Events after the request keep the requester's agent and session, with the executor's trace. */
  private static CommandOrigin sameSession() {
    return new CommandOrigin("t1", "p1", "a1", "s1", "trace-9");
  }

  private static ExecutionStarted started(long queuedMs) {
    return ExecutionStarted.newBuilder()
        .setHeader(FixedEventHeaders.of(sameSession()))
        .setExecutionId("e1")
        .setSandboxId("sandbox-7")
        .setRuntime("python:3.12.4")
        .setQueuedMs(queuedMs)
        .build();
  }

  private static ExecutionCompleted completed(
      ExecutionOutcome outcome, Integer exitCode, String errorMessage) {
    return ExecutionCompleted.newBuilder()
        .setHeader(FixedEventHeaders.of(sameSession()))
        .setExecutionId("e1")
        .setOutcome(outcome)
        .setExitCode(exitCode)
        .setTimedOut(outcome == ExecutionOutcome.TIMED_OUT)
        .setDurationMs(1200)
        .setCpuTimeMs(900)
        .setPeakMemoryBytes(50_000_000)
        .setStdoutExcerpt("ok\n")
        .setStderrExcerpt("")
        .setErrorMessage(errorMessage)
        .build();
  }
}
