package dev.agentos.benchmarks.learning;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionLimits;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.interactions.ToolCallRecorded;
import dev.agentos.events.interactions.ToolCallStatus;
import dev.agentos.schemas.topics.EventKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * A tenant's history made up from one seeded {@link Random}, as many events as asked: {@value
 * #AGENTS} agents over five projects, each working one action every {@link #TICK} in sessions of
 * {@value #ACTIONS_PER_SESSION} actions. Two actions in three run code (an ExecutionRequested and
 * its ExecutionCompleted); the others are tool calls, one in ten failing. Events come out in
 * event-time order, so none is late for the jobs' watermarks.
 *
 * <p>The signal a retrained model is to find: runs of the tests succeed more often (+0.20 on a base
 * rate of 0.50), more so in sessions whose first actions ran the tests (which also run the tests
 * more often); re-running the command that just failed succeeds 1 time in 5; agents differ in skill
 * (-0.10 to +0.10).
 */
final class GeneratedHistory {

  static final int AGENTS = 20;
  static final Duration TICK = Duration.ofSeconds(6);
  static final int ACTIONS_PER_SESSION = 240;

  private static final int PROJECTS = 5;
  private static final int LEADING_TOOL_CALLS = 3;
  private static final List<String> LANGUAGES = List.of("python", "javascript", "go", "java");
  private static final double[] LANGUAGE_SHARES = {0.6, 0.2, 0.1, 0.1};
  private static final List<String> TOOLS = List.of("read_file", "edit_file", "grep", "run_tests");
  private static final ExecutionLimits LIMITS =
      new ExecutionLimits(10_000L, 268_435_456L, 30_000L, 1_048_576L, false);

  private final String tenantId;
  private final Random random = new Random(16);
  private final Agent[] agents = new Agent[AGENTS];
  private long sequence;

  GeneratedHistory(String tenantId) {
    this.tenantId = tenantId;
    for (int i = 0; i < AGENTS; i++) {
      agents[i] = new Agent("agent-" + i, "project-" + (i % PROJECTS), -0.1 + 0.2 * i / AGENTS);
    }
  }

  /** An agent and what its current session has done so far. */
  private static final class Agent {
    final String agentId;
    final String projectId;
    final double skill;
    int sessions;
    String sessionId;
    int actions;
    boolean testsFirst;
    String language;
    String failedCommand;

    Agent(String agentId, String projectId, double skill) {
      this.agentId = agentId;
      this.projectId = projectId;
      this.skill = skill;
    }
  }

  /** About how much event time {@code events} events span: the history ends near now. */
  static Duration spanOf(long events) {
    double perTick = AGENTS * (2.0 / 3 * 2 + 1.0 / 3); // two events per run, one per tool call
    return TICK.multipliedBy((long) Math.ceil(events / perTick));
  }

  /**
   * Hands {@code events} events to {@code sink} in event-time order, the first at {@code start}.
   *
   * @return the event time of the last one
   */
  Instant write(long events, Instant start, Consumer<SpecificRecord> sink) {
    long written = 0;
    Instant tick = start;
    List<SpecificRecord> batch = new ArrayList<>();
    while (written < events) {
      for (Agent agent : agents) {
        act(agent, tick.plusMillis(random.nextInt(1000)), batch);
      }
      // Within a tick every event lies in [tick, tick + TICK): sorted, the whole stream is.
      batch.sort(Comparator.comparing(event -> EventKeys.headerOf(event).getOccurredAt()));
      for (SpecificRecord event :
          batch.subList(0, (int) Math.min(batch.size(), events - written))) {
        sink.accept(event);
        written++;
      }
      batch.clear();
      tick = tick.plus(TICK);
    }
    return tick;
  }

  private void act(Agent agent, Instant at, List<SpecificRecord> out) {
    if (agent.sessionId == null || agent.actions == ACTIONS_PER_SESSION) {
      agent.sessionId = agent.agentId + "-session-" + agent.sessions++;
      agent.actions = 0;
      agent.testsFirst = random.nextBoolean();
      agent.language = language();
      agent.failedCommand = null;
    }
    int action = agent.actions++;
    if (action < LEADING_TOOL_CALLS) {
      out.add(toolCall(agent, at, agent.testsFirst ? "run_tests" : "read_file"));
    } else if (random.nextInt(3) == 0) {
      out.add(toolCall(agent, at, TOOLS.get(random.nextInt(TOOLS.size()))));
    } else {
      execute(agent, at, out);
    }
  }

  private void execute(Agent agent, Instant at, List<SpecificRecord> out) {
    boolean rerun = agent.failedCommand != null && random.nextBoolean();
    boolean runsTests = !rerun && random.nextDouble() < (agent.testsFirst ? 0.6 : 0.2);
    String command = rerun ? agent.failedCommand : command(agent.language, runsTests);
    double successRate =
        rerun ? 0.2 : 0.5 + agent.skill + (runsTests ? (agent.testsFirst ? 0.3 : 0.2) : 0);
    boolean succeeded = random.nextDouble() < successRate;
    agent.failedCommand = succeeded ? null : command;
    String executionId = "exec-" + tenantId + "-" + sequence;
    out.add(
        ExecutionRequested.newBuilder()
            .setHeader(header(agent, at))
            .setExecutionId(executionId)
            .setLanguage(agent.language)
            .setCommand(command)
            .setLimits(LIMITS)
            .build());
    long durationMs = 300 + random.nextInt(4000);
    out.add(
        ExecutionCompleted.newBuilder()
            .setHeader(header(agent, at.plusMillis(durationMs)))
            .setExecutionId(executionId)
            .setOutcome(succeeded ? ExecutionOutcome.SUCCEEDED : ExecutionOutcome.FAILED)
            .setExitCode(succeeded ? 0 : 1)
            .setTimedOut(false)
            .setDurationMs(durationMs)
            .setCpuTimeMs(durationMs * 4 / 5)
            .setPeakMemoryBytes(40_000_000L + random.nextInt(40_000_000))
            .setStdoutExcerpt(succeeded ? "ok\n" : "")
            .setStderrExcerpt(succeeded ? "" : FailureTexts.of(agent.language, random))
            .build());
  }

  private ToolCallRecorded toolCall(Agent agent, Instant at, String tool) {
    boolean failed = random.nextInt(10) == 0;
    return ToolCallRecorded.newBuilder()
        .setHeader(header(agent, at))
        .setToolCallId("call-" + sequence)
        .setToolName(tool)
        .setArgumentsJson("{\"path\":\"src/file_" + random.nextInt(50) + "\"}")
        .setStatus(failed ? ToolCallStatus.FAILED : ToolCallStatus.SUCCEEDED)
        .setResultExcerpt(failed ? null : "done")
        .setErrorMessage(failed ? FailureTexts.of(agent.language, random) : null)
        .setDurationMs(50 + random.nextInt(3000))
        .build();
  }

  private String command(String language, boolean runsTests) {
    String script = "job_" + random.nextInt(100_000);
    return switch (language) {
      case "python" -> runsTests ? "pytest -q tests/test_" + script + ".py" : "python " + script;
      case "javascript" -> runsTests ? "node --test test/" + script : "node " + script + ".js";
      case "go" -> runsTests ? "go test ./" + script + "/..." : "go run ./" + script;
      default -> runsTests ? "java -jar junit.jar --select-class " + script : "java Main.java";
    };
  }

  private String language() {
    double draw = random.nextDouble();
    for (int i = 0; i < LANGUAGES.size() - 1; i++) {
      draw -= LANGUAGE_SHARES[i];
      if (draw < 0) {
        return LANGUAGES.get(i);
      }
    }
    return LANGUAGES.get(LANGUAGES.size() - 1);
  }

  private EventHeader header(Agent agent, Instant at) {
    return EventHeader.newBuilder()
        .setEventId(
            UUID.nameUUIDFromBytes((tenantId + "/" + sequence++).getBytes(StandardCharsets.UTF_8))
                .toString())
        .setOccurredAt(at)
        .setTenantId(tenantId)
        .setProjectId(agent.projectId)
        .setAgentId(agent.agentId)
        .setSessionId(agent.sessionId)
        .setSource("agentos-benchmarks")
        .build();
  }
}
