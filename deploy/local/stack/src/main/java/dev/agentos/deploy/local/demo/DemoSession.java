package dev.agentos.deploy.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small, realistic session of agent activity against a running AgentOS: an agent is registered
 * and given a key, it talks with its user about a failing test, remembers what it learnt, runs the
 * tests (failing, then passing) and proposes a fix to verify. Every step prints what was accepted.
 */
public final class DemoSession {

  private final DemoClient admin;
  private final String queryUrl;
  private final PrintStream out;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String sessionId = "demo-session-" + run;

  /**
   * @param queryUrl the query side, or null when the stack runs none (the demo then only writes)
   */
  public DemoSession(String baseUrl, String queryUrl, String adminKey, PrintStream out) {
    this.admin = new DemoClient(baseUrl, adminKey);
    this.queryUrl = queryUrl;
    this.out = out;
  }

  public void run() throws IOException, InterruptedException {
    String agentId = "demo-agent-" + run;
    admin.post(
        "/v1/agents",
        Map.of("agentId", agentId, "displayName", "Demo coding agent", "client", "agentos-demo"),
        201);
    JsonNode key =
        admin.post(
            "/v1/agents/" + agentId + "/keys",
            Map.of(
                "scopes",
                List.of("EVENTS_WRITE", "MEMORY_WRITE", "MEMORY_READ", "EXECUTIONS_RUN"),
                "label",
                "demo"),
            201);
    DemoClient agent = admin.as(key.get("key").asText());
    out.printf(
        "agent %s registered, key %s… issued (scopes %s)%n",
        agentId, key.get("keyPrefix").asText(), key.get("scopes"));

    String contextId = "ctx-" + run;
    // A context's name is unique in its project, and every run of the demo works in the same one.
    agent.post(
        "/v1/contexts",
        Map.of("contextId", contextId, "name", "Fix the flaky checkout test (demo " + run + ")"),
        201);
    agent.call(
        "PUT",
        "/v1/sessions/" + sessionId + "/context",
        Map.of("contextId", contextId),
        Map.of(),
        200);
    out.printf("context %s created and made active for session %s%n", contextId, sessionId);

    JsonNode ingest = agent.post("/v1/events", Map.of("events", sessionEvents()), 200);
    out.printf(
        "events: %d accepted, %d rejected (conversation turns, a tool call, two test runs, metrics)%n",
        ingest.get("accepted").asInt(), ingest.get("rejected").asInt());

    String fact =
        storeMemory(
            agent,
            contextId,
            "FACT",
            "The checkout tests run with pytest; the flaky one is test_apply_discount.");
    String fix =
        storeMemory(
            agent,
            contextId,
            "ERROR_FIX",
            "test_apply_discount failed because Decimal rounding used ROUND_HALF_EVEN; use ROUND_HALF_UP for money.");
    storeMemory(
        agent,
        contextId,
        "PREFERENCE",
        "The user prefers small commits with a failing test first.");
    JsonNode relation =
        agent.post(
            "/v1/memories/" + fix + "/relations",
            Map.of("toMemoryId", fact, "relationType", "FIXES"),
            201);
    out.printf(
        "3 memories stored; %s FIXES %s (relation %s)%n",
        fix, fact, relation.get("relationId").asText());
    agent.call(
        "PATCH",
        "/v1/memories/" + fact,
        Map.of(
            "content",
            "The checkout tests run with pytest -q; the flaky one was test_apply_discount (fixed)."),
        Map.of(),
        200);
    out.printf("memory %s updated: the flaky test is fixed%n", fact);

    JsonNode failing =
        agent.post("/v1/executions", execution("assert round(2.675, 2) == 2.68"), 201);
    JsonNode passing =
        agent.post(
            "/v1/executions",
            execution(
                "from decimal import *; assert Decimal('2.675').quantize(Decimal('0.01'), ROUND_HALF_UP) == Decimal('2.68')"),
            201);
    out.printf(
        "executions requested: %s (will fail), %s (will pass); they run when the executor exists%n",
        failing.get("id").asText(), passing.get("id").asText());

    String suggestionId = "sugg-" + run;
    agent.post(
        "/v1/suggestions",
        Map.of(
            "suggestionId",
            suggestionId,
            "language",
            "python",
            "format",
            "FULL_FILE",
            "filePath",
            "checkout/discount.py",
            "code",
            "from decimal import Decimal, ROUND_HALF_UP\n\ndef apply(p, d):\n    return (p * (1 - d)).quantize(Decimal('0.01'), ROUND_HALF_UP)\n",
            "rationale",
            "round money half-up"),
        201);
    JsonNode verification =
        agent.post(
            "/v1/suggestions/" + suggestionId + "/verify", Map.of("testCommand", "pytest -q"), 202);
    out.printf(
        "suggestion %s proposed; verification %s requested as execution %s%n",
        suggestionId,
        verification.get("verificationId").asText(),
        verification.get("executionId").asText());

    if (queryUrl == null) {
      out.println("no query side in this stack: skipping search, related graph and history");
    } else {
      new DemoReads(new DemoClient(queryUrl, agent.key()), out).show(contextId, fix, fact);
    }
  }

  private String storeMemory(DemoClient agent, String contextId, String type, String content)
      throws IOException, InterruptedException {
    return agent
        .post(
            "/v1/memories",
            Map.of(
                "contextId",
                contextId,
                "type",
                type,
                "content",
                content,
                "tags",
                List.of("checkout", "demo")),
            201)
        .get("id")
        .asText();
  }

  private static Map<String, Object> execution(String code) {
    return Map.of("language", "python", "code", code, "command", "python main.py");
  }

  private List<Map<String, Object>> sessionEvents() {
    List<Map<String, Object>> events = new ArrayList<>();
    String[][] turns = {
      {"USER", "test_apply_discount fails about one run in three, can you fix it?"},
      {"ASSISTANT", "I'll run the checkout tests first to see the failure."},
      {"TOOL", "1 failed: test_apply_discount: assert Decimal('2.67') == Decimal('2.68')"},
      {"ASSISTANT", "Rounding is half-even; money should round half-up. I'll propose a fix."}
    };
    for (int i = 0; i < turns.length; i++) {
      events.add(
          Map.of(
              "type",
              "ConversationTurnRecorded",
              "sessionId",
              sessionId,
              "turnId",
              "turn-" + i,
              "turnIndex",
              i,
              "role",
              turns[i][0],
              "content",
              turns[i][1]));
    }
    events.add(
        Map.of(
            "type",
            "ToolCallRecorded",
            "sessionId",
            sessionId,
            "toolCallId",
            "call-1",
            "turnId",
            "turn-1",
            "toolName",
            "run_tests",
            "argumentsJson",
            "{\"path\":\"tests/checkout\"}",
            "status",
            "FAILED",
            "durationMs",
            4210));
    events.add(completed("run-fail-" + run, "FAILED", 1, "AssertionError: 2.67 != 2.68"));
    events.add(completed("run-pass-" + run, "SUCCEEDED", 0, ""));
    events.add(
        Map.of(
            "type",
            "MetricRecorded",
            "sessionId",
            sessionId,
            "name",
            "llm.tokens",
            "kind",
            "COUNTER",
            "value",
            1834.0,
            "unit",
            "tokens",
            "tags",
            Map.of("model", "demo-model")));
    return events;
  }

  private Map<String, Object> completed(
      String executionId, String outcome, int exitCode, String stderr) {
    Map<String, Object> event = new java.util.HashMap<>();
    event.putAll(
        Map.of(
            "type",
            "ExecutionCompleted",
            "sessionId",
            sessionId,
            "executionId",
            executionId,
            "outcome",
            outcome,
            "exitCode",
            exitCode,
            "timedOut",
            false,
            "durationMs",
            1200,
            "cpuTimeMs",
            900));
    event.putAll(
        Map.of("peakMemoryBytes", 52_428_800, "stdoutExcerpt", "", "stderrExcerpt", stderr));
    return event;
  }
}
