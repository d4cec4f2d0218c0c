package dev.agentos.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentos.client.AgentOsApiException;
import dev.agentos.client.AgentOsClient;
import dev.agentos.client.command.ExecutionLimits;
import dev.agentos.client.command.ProposeSuggestion;
import dev.agentos.client.command.RequestExecution;
import dev.agentos.client.command.SuggestionFormat;
import dev.agentos.client.command.VerificationAccepted;
import dev.agentos.client.command.VerifySuggestion;
import dev.agentos.client.query.Execution;
import dev.agentos.client.query.Suggestion;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What agents ask to run, run for real: requested on the command API, consumed from Kafka by the
 * executor, run in a bubblewrap sandbox, recorded through the command side and read back from the
 * query API's read model. Each kind of ending a sandbox gives (success, failure, a limit, the wall
 * time) is the outcome the read model shows; a suggestion's tests run and their names come back.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionSystemIT {

  /** Queue, sandbox, command side, Kafka and the projection, on a busy 2-core machine. */
  private static final Duration RECORDED = Duration.ofSeconds(90);

  private static final String CALC = "def add(a, b):\n    return a + b\n";
  private static final String TESTS =
      "from calc import add\n\n"
          + "def test_adds():\n    assert add(1, 2) == 3\n\n"
          + "def test_adds_negatives():\n    assert add(-1, -2) == -3\n\n"
          + "def test_adds_floats():\n    assert add(0.5, 0.25) == 0.75\n";

  private final HttpClient http = HttpClient.newHttpClient();
  private AgentOsClient agent;
  private String agentKey;
  private String executorUrl;

  @BeforeAll
  void key(StackEndpoints stack) {
    Tenants tenants = new Tenants(stack);
    String run = UUID.randomUUID().toString().substring(0, 8);
    agentKey =
        tenants.newKey("st-exec-" + run, "st-project", "EXECUTIONS_RUN,QUERY_READ,EVENTS_WRITE");
    agent = tenants.client(agentKey);
    executorUrl = tenants.executorUrl();
  }

  @Test
  void theExecutorSaysWhatItRunsAndHowItIsolatesRuns() throws Exception {
    HttpResponse<String> answer =
        http.send(executorCall("/v1/runtimes").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body())
        .contains("\"language\":\"python\"", "\"language\":\"sh\"", "bubblewrap");
  }

  @Test
  void aRunsOutputStreamsWhileItRunsAndEndsWithItsOutcome() throws Exception {
    String id =
        agent
            .commands()
            .requestExecution(
                RequestExecution.code(
                    "python",
                    "import sys, time\nprint('first', flush=True)\ntime.sleep(2)\n"
                        + "print('oops', file=sys.stderr, flush=True)\ntime.sleep(1)\n"
                        + "print('second')\n",
                    null))
            .id();
    // The stream is the executor's while the run goes on: ask until it has started.
    HttpResponse<Stream<String>> stream =
        await()
            .atMost(RECORDED)
            .until(
                () ->
                    http.send(
                        executorCall("/v1/executions/" + id + "/output").build(),
                        HttpResponse.BodyHandlers.ofLines()),
                response -> {
                  if (response.statusCode() != 200) {
                    response.body().close(); // a 404 until the run has started here
                  }
                  return response.statusCode() == 200;
                });

    List<String> lines;
    try (Stream<String> body = stream.body()) {
      lines = body.filter(line -> !line.isEmpty()).toList();
    }

    assertThat(String.join("\n", lines))
        .containsSubsequence(
            "event:stdout",
            "data:first",
            "event:stderr",
            "data:oops",
            "event:stdout",
            "data:second",
            "event:end",
            "\"outcome\":\"SUCCEEDED\"");
  }

  private HttpRequest.Builder executorCall(String path) {
    return HttpRequest.newBuilder(URI.create(executorUrl + path))
        .header("Authorization", "Bearer " + agentKey)
        .timeout(RECORDED);
  }

  @Test
  void aProgramRunsAndItsOutputAndMeasuresAreRecorded() {
    Execution done =
        runToEnd(
            new RequestExecution(
                null,
                "python",
                null,
                "import os\nprint('hello from', os.getcwd())\nprint(len(os.environ['API_TOKEN']))\n",
                null,
                null,
                Map.of("API_TOKEN", "s3cret-value"),
                null,
                null));

    assertThat(done.status()).isEqualTo("SUCCEEDED");
    assertThat(done.exitCode()).isZero();
    assertThat(done.stdoutExcerpt()).isEqualTo("hello from /work\n12\n");
    assertThat(done.runtime()).startsWith("Python 3");
    assertThat(done.sandboxId()).startsWith("bwrap-");
    assertThat(done.durationMs()).isPositive();
    assertThat(done.environmentNames()).containsExactly("API_TOKEN");
  }

  @Test
  void aFailingProgramEndsFailedWithItsExitCodeAndError() {
    Execution done = runToEnd(RequestExecution.code("python", "print(1 / 0)\n", null));

    assertThat(done.status()).isEqualTo("FAILED");
    assertThat(done.exitCode()).isEqualTo(1);
    assertThat(done.stderrExcerpt()).contains("ZeroDivisionError");
  }

  @Test
  void noNetworkReachesTheSandbox() {
    Execution done =
        runToEnd(
            RequestExecution.code(
                "python",
                "import socket\nsocket.create_connection(('1.1.1.1', 53), timeout=3)\n",
                null));

    assertThat(done.status()).isEqualTo("FAILED");
    assertThat(done.stderrExcerpt()).containsAnyOf("unreachable", "OSError", "Errno");
  }

  @Test
  void aMemoryBombIsStoppedAtItsMemoryLimit() {
    Execution done =
        runToEnd(
            withLimits(
                RequestExecution.code(
                    "python", "blocks = []\nwhile True: blocks.append(bytearray(8 << 20))\n", null),
                new ExecutionLimits(null, 64L << 20, null, null, null)));

    assertThat(done.status()).isIn("LIMIT_EXCEEDED", "FAILED"); // cgroup kill, or MemoryError
    assertThat(done.stderrExcerpt() + done.errorMessage()).containsIgnoringCase("memory");
  }

  @Test
  void aSleepPastTheWallLimitTimesOut() {
    Execution done =
        runToEnd(
            withLimits(
                RequestExecution.code("sh", "sleep 30\n", null),
                new ExecutionLimits(null, null, 1_000L, null, null)));

    assertThat(done.status()).isEqualTo("TIMED_OUT");
    assertThat(done.timedOut()).isTrue();
    assertThat(done.durationMs()).isLessThan(10_000);
  }

  @Test
  void aSuggestionsTestsRunAndTheVerificationNamesWhichPassedAndFailed() {
    String passing = propose(CALC);
    String failing = propose("def add(a, b):\n    return a + b + (1 if a < 0 else 0)\n");

    Suggestion passed = verifyToEnd(passing);
    Suggestion failed = verifyToEnd(failing);

    assertThat(passed.verifications())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.status()).isEqualTo("PASSED");
              assertThat(v.passedTestNames())
                  .containsExactlyInAnyOrder(
                      "test_calc.test_adds",
                      "test_calc.test_adds_negatives",
                      "test_calc.test_adds_floats");
            });
    assertThat(failed.verifications())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.status()).isEqualTo("FAILED");
              assertThat(v.failedTestNames()).containsExactly("test_calc.test_adds_negatives");
              assertThat(v.passed()).isEqualTo(2);
            });
  }

  private String propose(String code) {
    String id = "sugg-" + UUID.randomUUID();
    agent
        .commands()
        .proposeSuggestion(
            new ProposeSuggestion(
                id, null, "python", "calc.py", SuggestionFormat.FULL_FILE, code, "add", null));
    return id;
  }

  private Suggestion verifyToEnd(String suggestionId) {
    VerificationAccepted accepted =
        agent
            .commands()
            .verifySuggestion(
                suggestionId,
                new VerifySuggestion("pytest -q", null, Map.of("test_calc.py", TESTS), null));
    return await()
        .atMost(RECORDED)
        .ignoreExceptionsInstanceOf(AgentOsApiException.class)
        .until(
            () -> agent.queries().suggestion(suggestionId),
            suggestion ->
                suggestion.verifications().stream()
                    .anyMatch(
                        v ->
                            v.executionId().equals(accepted.executionId())
                                && !v.status().equals("REQUESTED")));
  }

  private Execution runToEnd(RequestExecution request) {
    String id = agent.commands().requestExecution(request).id();
    return await()
        .atMost(RECORDED)
        .ignoreExceptionsInstanceOf(AgentOsApiException.class)
        .until(() -> agent.queries().execution(id), Execution::ended);
  }

  private static RequestExecution withLimits(RequestExecution request, ExecutionLimits limits) {
    return new RequestExecution(
        request.executionId(),
        request.language(),
        request.languageVersion(),
        request.code(),
        request.files(),
        request.command(),
        request.environment(),
        request.stdin(),
        limits);
  }
}
