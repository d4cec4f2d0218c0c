package dev.agentos.command.execution;

import static dev.agentos.command.FixedEventHeaders.HEADERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.FixedEventHeaders;
import dev.agentos.command.RuleViolationException;
import dev.agentos.command.execution.api.CompleteExecutionCommand;
import dev.agentos.command.execution.api.FailExecutionCommand;
import dev.agentos.command.execution.api.RequestExecutionCommand;
import dev.agentos.command.execution.api.RunReport;
import dev.agentos.command.execution.api.StartExecutionCommand;
import dev.agentos.command.execution.api.TimeOutExecutionCommand;
import dev.agentos.command.execution.secrets.EnvironmentUnavailableException;
import dev.agentos.command.execution.secrets.EnvironmentVault;
import dev.agentos.command.execution.secrets.InMemoryEnvironmentVault;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.ExecutionStarted;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An execution's environment values: sealed at the request (the event holds the names), handed out
 * by the start, forgotten at every end, and never kept by a refused request.
 */
class ExecutionEnvironmentTest {

  private static final CommandOrigin AGENT = new CommandOrigin("t1", "p1", "a1", "s1", null);
  private static final CommandOrigin EXECUTOR =
      new CommandOrigin("t1", null, "executor", null, null, true);
  private static final Map<String, String> ENVIRONMENT =
      Map.of("API_TOKEN", "s3cr3t-value-42", "MODE", "ci");
  private static final RunReport REPORT = new RunReport(10, 5, 1_000, "", "", false);

  private final InMemoryEnvironmentVault vault = new InMemoryEnvironmentVault();
  private AggregateTestFixture<Execution> fixture;

  @BeforeEach
  void setUp() {
    fixture = newFixture();
  }

  private AggregateTestFixture<Execution> newFixture() {
    AggregateTestFixture<Execution> fresh = new AggregateTestFixture<>(Execution.class);
    fresh.registerInjectableResource(HEADERS);
    fresh.registerInjectableResource(TestLimits.POLICY);
    fresh.registerInjectableResource(vault);
    return fresh;
  }

  @Test
  void aRequestRecordsTheNamesOnlyAndSealsTheValues() {
    fixture.givenNoPriorActivity().when(request(ENVIRONMENT)).expectEvents(requested());

    byte[] sealed = vault.sealedOf("t1", "e1").orElseThrow();
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
    assertThat(vault.open("t1", "e1")).isEqualTo(ENVIRONMENT);
  }

  @Test
  void aRequestWithoutVariablesSealsNothing() {
    fixture.givenNoPriorActivity().when(request(Map.of()));

    assertThat(vault.sealedOf("t1", "e1")).isEmpty();
  }

  @Test
  void aRefusedRequestRecordsNothing() {
    Map<String, String> badName = Map.of("1NOT_A_NAME", "secret");
    fixture
        .givenNoPriorActivity()
        .when(request(badName))
        .expectException(dev.agentos.command.InvalidCommandException.class)
        .expectNoEvents();

    assertThat(vault.sealedOf("t1", "e1")).isEmpty();
  }

  @Test
  void theStartAnswersTheValues() {
    vault.seal("t1", "e1", ENVIRONMENT);
    fixture
        .given(requested())
        .when(new StartExecutionCommand("e1", "sandbox-1", "python:3.12", EXECUTOR))
        .expectSuccessfulHandlerExecution()
        .expectResultMessagePayload(new StartedExecution("e1", 1, ENVIRONMENT));
  }

  @Test
  void aStartWhoseValuesAreGoneStartsNothing() {
    fixture
        .given(requested())
        .when(new StartExecutionCommand("e1", "sandbox-1", "python:3.12", EXECUTOR))
        .expectException(EnvironmentUnavailableException.class)
        .expectExceptionMessage(
            "the environment of execution e1 cannot be opened (its values are not kept); fail it")
        .expectNoEvents();
  }

  @Test
  void theValuesAreForgottenAtEveryEnd() {
    for (Object end :
        new Object[] {
          new CompleteExecutionCommand("e1", ExecutionOutcome.SUCCEEDED, 0, null, REPORT, EXECUTOR),
          new TimeOutExecutionCommand("e1", REPORT, EXECUTOR),
          new FailExecutionCommand("e1", "sandbox broke", null, EXECUTOR)
        }) {
      vault.seal("t1", "e1", ENVIRONMENT);
      newFixture().given(requested(), started()).when(end).expectSuccessfulHandlerExecution();

      assertThat(vault.sealedOf("t1", "e1")).as("after %s", end).isEmpty();
    }
  }

  @Test
  void theValuesAreForgottenWhenTheExecutionFailsBeforeItsStart() {
    vault.seal("t1", "e1", ENVIRONMENT);
    fixture
        .given(requested())
        .when(new FailExecutionCommand("e1", "deadline passed in the queue", null, EXECUTOR))
        .expectSuccessfulHandlerExecution();

    assertThat(vault.sealedOf("t1", "e1")).isEmpty();
  }

  @Test
  void aRefusedEndKeepsTheValues() {
    vault.seal("t1", "e1", ENVIRONMENT);
    fixture
        .given(requested())
        .when(new TimeOutExecutionCommand("e1", REPORT, EXECUTOR))
        .expectException(RuleViolationException.class);

    assertThat(vault.sealedOf("t1", "e1")).isPresent();
  }

  private static RequestExecutionCommand request(Map<String, String> environment) {
    return new RequestExecutionCommand(
        "e1",
        null,
        null,
        null,
        "python",
        null,
        "print(1)",
        Map.of(),
        null,
        environment,
        null,
        null,
        AGENT);
  }

  private static ExecutionRequested requested() {
    return ExecutionRequested.newBuilder()
        .setHeader(FixedEventHeaders.of(AGENT))
        .setExecutionId("e1")
        .setLanguage("python")
        .setCode("print(1)")
        .setEnvironment(
            Map.of("API_TOKEN", EnvironmentVault.REDACTED, "MODE", EnvironmentVault.REDACTED))
        .setLimits(TestLimits.DEFAULTS)
        .build();
  }

  private static ExecutionStarted started() {
    return ExecutionStarted.newBuilder()
        .setHeader(FixedEventHeaders.of(AGENT))
        .setExecutionId("e1")
        .setSandboxId("sandbox-1")
        .setRuntime("python:3.12")
        .setQueuedMs(0)
        .build();
  }
}
