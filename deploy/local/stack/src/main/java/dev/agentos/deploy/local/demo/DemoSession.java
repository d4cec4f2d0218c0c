package dev.agentos.deploy.local.demo;

import dev.agentos.client.AgentOsClient;
import dev.agentos.client.CommandApi;
import dev.agentos.client.command.AddRelation;
import dev.agentos.client.command.AddedRelation;
import dev.agentos.client.command.ApiKeyScope;
import dev.agentos.client.command.CreateContext;
import dev.agentos.client.command.IngestResult;
import dev.agentos.client.command.IssueApiKey;
import dev.agentos.client.command.IssuedApiKey;
import dev.agentos.client.command.MemoryType;
import dev.agentos.client.command.RegisterAgent;
import dev.agentos.client.command.RelationType;
import dev.agentos.client.command.StoreMemory;
import dev.agentos.client.command.UpdateMemory;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A small, realistic session of agent activity against a running AgentOS: an agent is registered
 * and given a key, it talks with its user about a failing test, remembers what it learnt, runs the
 * snippets in the sandbox (one fails, one passes) and proposes two fixes whose tests the executor
 * runs ({@link DemoExecutions}). Every step prints what was accepted. When the stack runs the
 * learning jobs, the project's last hours of activity are backfilled first and what the jobs learnt
 * from them is shown last ({@link DemoLearning}).
 */
public final class DemoSession {

  private final AgentOsClient admin;
  private final boolean withQuerySide;
  private final boolean withLearningJobs;
  private Retrainer retrainer;
  private final PrintStream out;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String sessionId = "demo-session-" + run;

  /**
   * @param queryUrl the query side, or null when the stack runs none (the demo then only writes)
   * @param withLearningJobs whether the stack runs the learning jobs (flink-jobs), whose findings
   *     the demo then shows through the query side
   */
  public DemoSession(
      String baseUrl, String queryUrl, boolean withLearningJobs, String adminKey, PrintStream out) {
    this.admin =
        AgentOsClient.builder().commandUrl(baseUrl).queryUrl(queryUrl).apiKey(adminKey).build();
    this.withQuerySide = queryUrl != null;
    this.withLearningJobs = withLearningJobs && withQuerySide;
    this.out = out;
  }

  /**
   * Shows predictions too: after the learning jobs' findings, {@code retrainer} trains the models
   * on the backfilled history, and two runs asked for then are predicted.
   */
  public DemoSession withRetraining(Retrainer retrainer) {
    this.retrainer = retrainer;
    return this;
  }

  /** Plays the session; the first call AgentOS refuses stops it with that call and the reason. */
  public void run() throws Exception {
    String agentId = "demo-agent-" + run;
    admin.commands().registerAgent(RegisterAgent.of(agentId, "Demo coding agent", "agentos-demo"));
    IssuedApiKey key =
        admin
            .commands()
            .issueApiKey(
                agentId,
                IssueApiKey.of(
                    "demo",
                    ApiKeyScope.EVENTS_WRITE,
                    ApiKeyScope.MEMORY_WRITE,
                    ApiKeyScope.MEMORY_READ,
                    ApiKeyScope.EXECUTIONS_RUN,
                    ApiKeyScope.QUERY_READ));
    AgentOsClient agent = admin.withApiKey(key.key());
    CommandApi commands = agent.commands();
    out.printf(
        "agent %s registered, key %s… issued (scopes %s)%n",
        agentId, key.keyPrefix(), new TreeSet<>(key.scopes()));

    DemoLearning learning = new DemoLearning(out);
    if (withLearningJobs) {
      // Before anything below is recorded "now": the jobs would judge older history late.
      learning.backfill(admin, agent, run);
    }

    String contextId = "ctx-" + run;
    // A context's name is unique in its project, and every run of the demo works in the same one.
    commands.createContext(
        CreateContext.of(contextId, "Fix the flaky checkout test (demo " + run + ")"));
    commands.switchContext(sessionId, contextId);
    out.printf("context %s created and made active for session %s%n", contextId, sessionId);

    IngestResult ingest = commands.ingest(sessionEvents());
    out.printf(
        "events: %d accepted, %d rejected (conversation turns, a tool call, two test runs, metrics)%n",
        ingest.accepted(), ingest.rejected());

    String fact =
        storeMemory(
            commands,
            contextId,
            MemoryType.FACT,
            "The checkout tests run with pytest; the flaky one is test_apply_discount.");
    String fix =
        storeMemory(
            commands,
            contextId,
            MemoryType.ERROR_FIX,
            "test_apply_discount failed because Decimal rounding used ROUND_HALF_EVEN; use ROUND_HALF_UP for money.");
    storeMemory(
        commands,
        contextId,
        MemoryType.PREFERENCE,
        "The user prefers small commits with a failing test first.");
    AddedRelation relation = commands.addRelation(fix, AddRelation.of(fact, RelationType.FIXES));
    out.printf("3 memories stored; %s FIXES %s (relation %s)%n", fix, fact, relation.relationId());
    commands.updateMemory(
        fact,
        UpdateMemory.content(
            "The checkout tests run with pytest -q; the flaky one was test_apply_discount (fixed)."));
    out.printf("memory %s updated: the flaky test is fixed%n", fact);

    new DemoExecutions(commands, withQuerySide ? agent.queries() : null, out).show("sugg-" + run);

    if (!withQuerySide) {
      out.println("no query side in this stack: skipping search, related graph and history");
    } else {
      new DemoReads(agent.queries(), out).show(contextId, fix, fact);
      if (withLearningJobs) {
        learning.show(agent.queries());
        if (retrainer != null) {
          new DemoPredictions(retrainer, out).show(commands, agent.queries());
        } else {
          out.println("no retraining in this stack: skipping predictions");
        }
      } else {
        out.println("no learning jobs in this stack: skipping patterns, health and anomalies");
      }
    }
  }

  private static String storeMemory(
      CommandApi commands, String contextId, MemoryType type, String content) {
    return commands
        .storeMemory(StoreMemory.of(contextId, type, content).withTags(List.of("checkout", "demo")))
        .id();
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
