package dev.agentos.deploy.local.demo;

import dev.agentos.client.AgentOsApiException;
import dev.agentos.client.CommandApi;
import dev.agentos.client.QueryApi;
import dev.agentos.client.command.ProposeSuggestion;
import dev.agentos.client.command.RequestExecution;
import dev.agentos.client.command.SuggestionFormat;
import dev.agentos.client.command.VerificationAccepted;
import dev.agentos.client.command.VerifySuggestion;
import dev.agentos.client.query.Execution;
import dev.agentos.client.query.Suggestion;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The demo's runs: two snippets the executor runs in its sandbox (one fails, one passes), and two
 * fixes of the rounding bug verified by running the project's tests on each (half-even rounding
 * fails one test, half-up passes all), each outcome read back from the query side.
 */
final class DemoExecutions {

  /**
   * The queue, a sandbox, the command side and the projection, on a busy 2-core machine; on a new
   * stack the executor first clears the backfilled history's requests (expired, and unknown to the
   * command side: none is run).
   */
  private static final Duration RUN_WAIT = Duration.ofSeconds(240);

  private static final String TESTS =
      "from decimal import Decimal\nfrom discount import apply\n\n"
          + "def test_ten_percent_off():\n    assert apply(Decimal('10.00'), Decimal('0.1')) == Decimal('9.00')\n\n"
          + "def test_rounds_half_a_cent_up():\n    assert apply(Decimal('2.665'), Decimal('0')) == Decimal('2.67')\n\n"
          + "def test_nothing_off():\n    assert apply(Decimal('4.20'), Decimal('0')) == Decimal('4.20')\n";

  private final CommandApi commands;
  private final QueryApi query;
  private final PrintStream out;

  DemoExecutions(CommandApi commands, QueryApi query, PrintStream out) {
    this.commands = commands;
    this.query = query;
    this.out = out;
  }

  /** Requests the runs and verifications; with {@code query} null, only says what was queued. */
  void show(String run) throws InterruptedException {
    String failing =
        commands
            .requestExecution(
                RequestExecution.code("python", "assert round(2.675, 2) == 2.68\n", null))
            .id();
    String passing =
        commands
            .requestExecution(
                RequestExecution.code(
                    "python",
                    "from decimal import *\nprint(Decimal('2.675').quantize(Decimal('0.01'), ROUND_HALF_UP))\n",
                    null))
            .id();
    String halfEven = verify(run + "-half-even", fix("ROUND_HALF_EVEN"), "round money half-even");
    String halfUp = verify(run + "-half-up", fix("ROUND_HALF_UP"), "round money half-up");
    if (query == null) {
      out.println("no query side in this stack: the runs' outcomes are not read back");
      return;
    }
    printExecution(awaitEnd(failing));
    printExecution(awaitEnd(passing));
    printVerification(awaitVerdict(halfEven));
    printVerification(awaitVerdict(halfUp));
  }

  private String verify(String suggestionId, String code, String rationale) {
    commands.proposeSuggestion(
        new ProposeSuggestion(
            suggestionId,
            null,
            "python",
            "discount.py",
            SuggestionFormat.FULL_FILE,
            code,
            rationale,
            null));
    VerificationAccepted accepted =
        commands.verifySuggestion(
            suggestionId,
            new VerifySuggestion("pytest -q", null, Map.of("test_discount.py", TESTS), null));
    out.printf(
        "suggestion %s (%s) proposed; its tests run as execution %s%n",
        suggestionId, rationale, accepted.executionId());
    return suggestionId;
  }

  private static String fix(String rounding) {
    return "from decimal import Decimal, "
        + rounding
        + "\n\ndef apply(price, discount):\n    return (price * (1 - discount)).quantize(Decimal('0.01'), "
        + rounding
        + ")\n";
  }

  private Execution awaitEnd(String executionId) throws InterruptedException {
    return await(
        "execution " + executionId + " to end",
        () -> query.execution(executionId),
        execution -> execution != null && execution.ended());
  }

  private Suggestion awaitVerdict(String suggestionId) throws InterruptedException {
    return await(
        "the verification of " + suggestionId,
        () -> query.suggestion(suggestionId),
        suggestion ->
            suggestion != null
                && suggestion.verifications().stream()
                    .anyMatch(v -> !v.status().equals("REQUESTED")));
  }

  private void printExecution(Execution run) {
    String output =
        run.exitCode() != null && run.exitCode() == 0 ? run.stdoutExcerpt() : run.stderrExcerpt();
    out.printf(
        "execution %s: %s (exit %s) in %d ms on %s: %s%n",
        run.executionId(),
        run.status(),
        run.exitCode(),
        run.durationMs(),
        run.runtime(),
        lastLine(output));
  }

  private void printVerification(Suggestion suggestion) {
    Suggestion.Verification verdict = suggestion.verifications().get(0);
    out.printf(
        "verification of %s: %s, %d passed %s, %d failed %s%n",
        suggestion.suggestionId(),
        verdict.status(),
        verdict.passed(),
        verdict.passedTestNames(),
        verdict.failed(),
        verdict.failedTestNames());
  }

  private static String lastLine(String text) {
    String trimmed = text == null ? "" : text.strip();
    return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
  }

  /** A 404 while the projection has not seen the item yet counts as not there yet. */
  private static <T> T await(String what, Supplier<T> call, java.util.function.Predicate<T> done)
      throws InterruptedException {
    return DemoReads.await(
        what,
        RUN_WAIT,
        "is the executor running? (./agentos status)",
        () -> {
          try {
            return call.get();
          } catch (AgentOsApiException e) {
            if (e.status() == 404) {
              return null;
            }
            throw e;
          }
        },
        done);
  }
}
