package dev.agentos.deploy.local.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The raw events of the demo's backfilled history as {@code POST /v1/events} takes them
 * (docs/api/ingest.md): flat JSON objects with an explicit {@code occurredAt}, and an {@code
 * eventId} derived from the run and the event's place in the history, so a batch retried after a
 * 503 is deduplicated instead of counted twice.
 */
final class DemoEvents {

  /** What a failing run prints, per kind of failure the history plants. */
  enum Failure {
    /** The planted error pattern: the environment lacks a dependency the code imports. */
    MISSING_REQUESTS(
        "python",
        """
        Traceback (most recent call last):
          File "/workspace/app/main.py", line 4, in <module>
            from app.client import fetch_orders
          File "/workspace/app/client.py", line 2, in <module>
            import requests
        ModuleNotFoundError: No module named 'requests'
        """),
    ASSERTION(
        "python",
        """
        ============================= FAILURES =============================
        ________________________ test_apply_discount ________________________
        Traceback (most recent call last):
          File "/workspace/tests/test_checkout.py", line 18, in test_apply_discount
            assert apply(Decimal("2.675"), Decimal("0")) == Decimal("2.68")
        AssertionError: assert Decimal('2.67') == Decimal('2.68')
        """),
    KEY_ERROR(
        "python",
        """
        Traceback (most recent call last):
          File "/workspace/app/main.py", line 11, in <module>
            print(totals(load_orders())["EUR"])
          File "/workspace/app/report.py", line 27, in totals
            return {order["currency"]: order["amount"] for order in orders}
        KeyError: 'currency'
        """),
    UNDEFINED_PROPERTY(
        "javascript",
        """
        /workspace/src/cart.js:42
            return cart.items.map((item) => item.product.id);
                                                         ^

        TypeError: Cannot read properties of undefined (reading 'id')
            at /workspace/src/cart.js:42:58
            at Array.map (<anonymous>)
            at productIds (/workspace/src/cart.js:42:23)
            at Object.<anonymous> (/workspace/src/index.js:7:13)
        """);

    final String language;
    final String stderr;

    Failure(String language, String stderr) {
      this.language = language;
      this.stderr = stderr;
    }
  }

  /** How the demo project runs its tests. */
  static final String TEST_COMMAND = "pytest -q";

  private final String run;
  private int sequence;

  DemoEvents(String run) {
    this.run = run;
  }

  Map<String, Object> userTurn(String sessionId, Instant at, String content) {
    Map<String, Object> event = event("ConversationTurnRecorded", sessionId, at);
    event.put("turnId", "turn-0");
    event.put("turnIndex", 0);
    event.put("role", "USER");
    event.put("content", content);
    return event;
  }

  Map<String, Object> executionRequested(
      String sessionId, Instant at, String executionId, String language, String code) {
    // One script per code: re-running the same code is re-running the same command, as the
    // learning jobs tell a retry (a command's hash) from a new attempt.
    String script = "job_" + Integer.toHexString(code.hashCode() & 0xffff);
    return execution(
        sessionId,
        at,
        executionId,
        language,
        code,
        language.equals("python") ? "python " + script + ".py" : "node " + script + ".js");
  }

  /**
   * The run that verifies a suggestion: its code under the test command, as a verification runs it,
   * so the learning jobs see a run of the tests for that suggestion.
   */
  Map<String, Object> verificationRun(
      String sessionId,
      Instant at,
      String executionId,
      String suggestionId,
      String language,
      String code,
      String testCommand) {
    Map<String, Object> event = execution(sessionId, at, executionId, language, code, testCommand);
    event.put("suggestionId", suggestionId);
    return event;
  }

  private Map<String, Object> execution(
      String sessionId,
      Instant at,
      String executionId,
      String language,
      String code,
      String command) {
    Map<String, Object> event = event("ExecutionRequested", sessionId, at);
    event.put("executionId", executionId);
    event.put("language", language);
    event.put("code", code);
    event.put("command", command);
    event.put(
        "limits", Map.of("cpuTimeMs", 10_000, "memoryBytes", 268_435_456, "wallTimeoutMs", 30_000));
    return event;
  }

  /** A finished run; {@code failure} null: it succeeded. */
  Map<String, Object> executionCompleted(
      String sessionId, Instant at, String executionId, long durationMs, Failure failure) {
    Map<String, Object> event = event("ExecutionCompleted", sessionId, at);
    event.put("executionId", executionId);
    event.put("outcome", failure == null ? "SUCCEEDED" : "FAILED");
    event.put("exitCode", failure == null ? 0 : 1);
    event.put("timedOut", false);
    event.put("durationMs", durationMs);
    event.put("cpuTimeMs", durationMs * 4 / 5);
    event.put("peakMemoryBytes", 48_234_496);
    event.put("stdoutExcerpt", failure == null ? "ok\n" : "");
    event.put("stderrExcerpt", failure == null ? "" : failure.stderr);
    return event;
  }

  Map<String, Object> toolCall(
      String sessionId, Instant at, String tool, String argumentsJson, boolean succeeded) {
    Map<String, Object> event = event("ToolCallRecorded", sessionId, at);
    event.put("toolCallId", "call-" + sequence);
    event.put("turnId", "turn-0");
    event.put("toolName", tool);
    event.put("argumentsJson", argumentsJson);
    event.put("status", succeeded ? "SUCCEEDED" : "FAILED");
    event.put("resultExcerpt", succeeded ? "done" : "2 failed, 31 passed");
    if (!succeeded) {
      event.put("errorMessage", "tests failed: test_totals_by_currency, test_empty_cart");
    }
    event.put("durationMs", succeeded ? 3_400 : 4_100);
    return event;
  }

  Map<String, Object> suggestion(
      String sessionId, Instant at, String suggestionId, String language, String code) {
    Map<String, Object> event = event("CodeSuggestionProposed", sessionId, at);
    event.put("suggestionId", suggestionId);
    event.put("turnId", "turn-0");
    event.put("language", language);
    event.put("filePath", language.equals("python") ? "app/report.py" : "src/cart.js");
    event.put("format", "FULL_FILE");
    event.put("code", code);
    event.put("rationale", "handle orders without the field the report reads");
    event.put("confidence", 0.7);
    return event;
  }

  Map<String, Object> verificationRequested(
      String sessionId,
      Instant at,
      String verificationId,
      String suggestionId,
      String executionId) {
    Map<String, Object> event = event("VerificationRequested", sessionId, at);
    event.put("verificationId", verificationId);
    event.put("suggestionId", suggestionId);
    event.put("executionId", executionId);
    event.put("testCommand", TEST_COMMAND);
    event.put("testFramework", "pytest");
    return event;
  }

  Map<String, Object> verificationCompleted(
      String sessionId,
      Instant at,
      String verificationId,
      String suggestionId,
      String executionId,
      boolean passed) {
    Map<String, Object> event = event("VerificationCompleted", sessionId, at);
    event.put("verificationId", verificationId);
    event.put("suggestionId", suggestionId);
    event.put("executionId", executionId);
    event.put("verdict", passed ? "PASSED" : "FAILED");
    event.put("testsRun", 12);
    event.put("passed", passed ? 12 : 10);
    event.put("failed", passed ? 0 : 2);
    event.put("passedTestNames", List.of("test_totals", "test_apply_discount"));
    event.put(
        "failedTestNames",
        passed ? List.of() : List.of("test_totals_by_currency", "test_empty_cart"));
    return event;
  }

  Map<String, Object> metric(
      String sessionId, Instant at, String name, double value, Map<String, String> tags) {
    Map<String, Object> event = event("MetricRecorded", sessionId, at);
    event.put("name", name);
    event.put("kind", "TIMER");
    event.put("value", value);
    event.put("unit", "ms");
    event.put("tags", tags);
    return event;
  }

  private Map<String, Object> event(String type, String sessionId, Instant at) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", type);
    event.put(
        "eventId",
        UUID.nameUUIDFromBytes(
            ("agentos-demo/" + run + "/" + sequence++).getBytes(StandardCharsets.UTF_8)));
    event.put("occurredAt", at.toString());
    event.put("sessionId", sessionId);
    return event;
  }
}
