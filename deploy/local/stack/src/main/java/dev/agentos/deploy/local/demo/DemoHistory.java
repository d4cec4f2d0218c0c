package dev.agentos.deploy.local.demo;

import dev.agentos.deploy.local.demo.DemoEvents.Failure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Three hours of two agents' work on one project, made up from one seeded {@link Random}: every run
 * of the demo backfills the same story, moved to end at the minute it runs. The agents work side by
 * side, taking turns of a minute; each goes through 15 sessions of 12 minutes, one after another,
 * alongside the other's. A session has a user's request, 40 executions (Python 7 in 10, else
 * JavaScript), 7 tool calls and 2 suggestions verified by a run of the tests (so 1,260 executions
 * in all); and the test suite's duration, {@value #METRIC}, is sampled once a minute.
 *
 * <p>Side by side, many short sessions, many runs: the prediction model trained on this history is
 * judged on the latest fifth of its runs, by event time, so that fifth must be like the rest. When
 * six half-hour sessions followed one another, it was the last session alone, of one agent and one
 * kind, and 300 runs were too few: the model did worse than guessing the base rate (held-out AUC
 * 0.53, log loss 0.86 against 0.69). Now the latest 36 minutes hold six sessions, of both agents
 * and both kinds, and the model does well (AUC 0.78, log loss 0.57 against 0.69; flink-jobs' {@code
 * DemoHistoryLearningTest} trains on this history as {@code ./agentos retrain} does).
 *
 * <p>What the learning jobs are to find in it:
 *
 * <ul>
 *   <li>error-patterns: in the four sessions starting from 0:36 to 1:36 that do not run the tests
 *       first (two of each agent), half of the Python runs that fail anew fail on the same missing
 *       dependency ({@code ModuleNotFoundError: No module named 'requests'}, with its traceback):
 *       one ERROR pattern, reported NEW at its first match;
 *   <li>project-health: the history crosses two or three hour boundaries of event time, so the
 *       hourly job reports at each;
 *   <li>anomalies: {@value #METRIC} stays within 5 % of 1200 ms (uniform noise, which the
 *       median/MAD detector never flags), except one 4.8 s sample ten minutes before the end.
 * </ul>
 *
 * <p>The signal planted for the prediction model, and the inputs ({@code RequestFeatures}) that
 * carry it:
 *
 * <ul>
 *   <li>tests first: the sessions whose first actions run the tests (two in three, of both agents)
 *       succeed at a base rate of 0.85, the others at 0.45; seen in {@code
 *       session.early_test_share} (3 of the first 10 actions run the tests, or none) and, as the
 *       session goes on, in {@code session.execution_success_rate};
 *   <li>re-running what just failed: after a failure, half the next runs re-run the same code (the
 *       same command), and a re-run fails again 85 times in 100, with the same error; seen in
 *       {@code request.same_command_before}, {@code request.same_command_last_failed} and {@code
 *       session.consecutive_failures};
 *   <li>skill: agent A is better at Python (+0.2 to the base rate), agent B worse (-0.2); both are
 *       alike in JavaScript; seen in {@code agent.language_success_rate}, as the language itself is
 *       no input;
 *   <li>suggestions: a verification passes with the chance the session's Python run of its agent
 *       would succeed; its run is a run of the tests for the suggestion ({@code
 *       request.runs_tests}, {@code request.for_suggestion}).
 * </ul>
 */
public final class DemoHistory {

  static final String METRIC = "test.duration.ms";
  static final Map<String, String> METRIC_TAGS = Map.of("suite", "unit");
  static final int AGENTS = 2;
  static final Duration SESSION = Duration.ofMinutes(12);
  static final int SESSIONS_PER_AGENT = 15;
  static final int SESSIONS = AGENTS * SESSIONS_PER_AGENT;
  static final Duration SPAN = SESSION.multipliedBy(SESSIONS_PER_AGENT);

  /**
   * The agents take turns of a minute, each acting in its own session in its turns: concurrent
   * work, yet every batch of one agent's consecutive events is a turn's (see {@link
   * DemoLearning#backfill}), and one agent's events never interleave with the other's.
   */
  static final Duration TURN = Duration.ofMinutes(1);

  private static final long SEED = 16;
  private static final int EXECUTIONS_PER_SESSION = 40;
  private static final int LEADING_TOOL_CALLS = 3;
  private static final int TOOL_CALL_EVERY = 10;
  private static final int SUGGESTION_EVERY = 20;

  /** The actions of a session, spread evenly over its agent's turns in it. */
  private static final int SLOTS =
      1
          + LEADING_TOOL_CALLS
          + EXECUTIONS_PER_SESSION
          + EXECUTIONS_PER_SESSION / TOOL_CALL_EVERY
          + EXECUTIONS_PER_SESSION / SUGGESTION_EVERY;

  private static final int TURNS_PER_SESSION = (int) (SESSION.toMinutes() / AGENTS);
  private static final int SLOTS_PER_TURN = (SLOTS + TURNS_PER_SESSION - 1) / TURNS_PER_SESSION;

  private static final double NORMAL_TEST_MS = 1200;
  private static final double OUTLIER_TEST_MS = 4800;
  private static final int OUTLIER_MINUTE = 170;

  /** One event and the agent (0 or 1) whose key posts it. */
  public record Posting(int agent, Instant at, Map<String, Object> event) {}

  /**
   * @param testsFirst whether its first actions run the tests (the planted signal)
   */
  record Session(String sessionId, int agent, boolean testsFirst, Instant start) {}

  private final Random random = new Random(SEED);
  private final DemoEvents events;
  private final Instant start;
  private final List<Posting> postings = new ArrayList<>();
  private final List<Session> sessions = new ArrayList<>();
  private int executions;
  private int toolCalls;
  private int suggestions;
  private int samples;
  private int missingModuleFailures;

  private DemoHistory(String run, Instant end) {
    this.events = new DemoEvents(run);
    this.start = end.truncatedTo(ChronoUnit.MINUTES).minus(SPAN);
    for (int i = 0; i < SESSIONS; i++) {
      Session session =
          new Session(
              "demo-" + run + "-s" + (i + 1),
              i % AGENTS,
              i % 3 != 1,
              start.plus(SESSION.multipliedBy(i / AGENTS)));
      sessions.add(session);
      play(session, i);
    }
    testDurations();
    postings.sort(Comparator.comparing(Posting::at));
  }

  /**
   * The history of the {@link #SPAN} before {@code end}, its ids made unique by {@code run}.
   * Public, with {@link #postings}, for flink-jobs' tests, which train on it as retraining does.
   */
  public static DemoHistory ending(Instant end, String run) {
    return new DemoHistory(run, end);
  }

  /** Every event, oldest first, with the agent that posts it. */
  public List<Posting> postings() {
    return postings;
  }

  List<Session> sessions() {
    return sessions;
  }

  Instant start() {
    return start;
  }

  /**
   * The last hour boundary of event time inside the history: the hourly reports up to it cover all
   * of the history but its last minutes.
   */
  Instant lastHourBoundary() {
    return start.plus(SPAN).minusMillis(1).truncatedTo(ChronoUnit.HOURS);
  }

  String summary() {
    return String.format(
        "%d sessions, %d executions (%d failed on a missing module), %d tool calls,"
            + " %d suggestions, %d samples of %s",
        sessions.size(),
        executions,
        missingModuleFailures,
        toolCalls,
        suggestions,
        samples,
        METRIC);
  }

  private void play(Session session, int index) {
    String id = session.sessionId();
    Iterator<Instant> slots = slots(session).iterator();
    add(
        session,
        events.userTurn(
            id, slots.next(), "The order report is wrong for some currencies; fix it."));
    for (int i = 0; i < LEADING_TOOL_CALLS; i++) {
      toolCall(session, slots.next(), session.testsFirst() ? "run_tests" : "read_file");
    }
    boolean missingModuleSession = !session.testsFirst() && index >= 6 && index < 18;
    Run last = null;
    for (int i = 1; i <= EXECUTIONS_PER_SESSION; i++) {
      last = execute(session, slots.next(), last, missingModuleSession);
      if (i % TOOL_CALL_EVERY == 0) {
        toolCall(session, slots.next(), random.nextBoolean() ? "run_tests" : "edit_file");
      }
      if (i % SUGGESTION_EVERY == 0) {
        suggest(session, slots.next());
      }
    }
  }

  /**
   * When the session's actions happen: {@link #SLOTS_PER_TURN} evenly spaced in each of its agent's
   * turns, 6.7 s apart, so a run (2.5 s at most) or a verification (under 5 s) ends before the next
   * action: a re-run is asked for once the failure it re-runs is known.
   */
  private List<Instant> slots(Session session) {
    Duration spacing = TURN.dividedBy(SLOTS_PER_TURN);
    List<Instant> slots = new ArrayList<>();
    for (int turn = 0; turn < TURNS_PER_SESSION; turn++) {
      Instant turnStart = session.start().plus(TURN.multipliedBy(turn * AGENTS + session.agent()));
      for (int slot = 0; slot < SLOTS_PER_TURN; slot++) {
        slots.add(turnStart.plus(spacing.dividedBy(2)).plus(spacing.multipliedBy(slot)));
      }
    }
    return slots;
  }

  /** A run as the next one may re-run it. */
  private record Run(String language, String code, Failure failure) {}

  private Run execute(Session session, Instant at, Run last, boolean missingModuleSession) {
    Run run;
    if (last != null && last.failure() != null && random.nextBoolean()) {
      // The same code again: it mostly fails the same way.
      boolean succeeds = random.nextDouble() < 0.15;
      run = new Run(last.language(), last.code(), succeeds ? null : last.failure());
    } else {
      String language = random.nextDouble() < 0.7 ? "python" : "javascript";
      boolean succeeds = random.nextDouble() < successRate(session, language);
      String code = code(language);
      run = new Run(language, code, succeeds ? null : newFailure(language, missingModuleSession));
    }
    String executionId = "exec-" + session.sessionId() + "-" + executions++;
    add(
        session,
        events.executionRequested(
            session.sessionId(), at, executionId, run.language(), run.code()));
    long durationMs =
        run.failure() == Failure.MISSING_REQUESTS
            ? 150 + random.nextInt(100)
            : 600 + random.nextInt(1900);
    add(
        session,
        events.executionCompleted(
            session.sessionId(),
            at.plusMillis(durationMs),
            executionId,
            durationMs,
            run.failure()));
    if (run.failure() == Failure.MISSING_REQUESTS) {
      missingModuleFailures++;
    }
    return run;
  }

  private double successRate(Session session, String language) {
    double base = session.testsFirst() ? 0.85 : 0.45;
    if (language.equals("python")) {
      base += session.agent() == 0 ? 0.2 : -0.2;
    }
    return Math.max(0.05, Math.min(0.95, base));
  }

  private Failure newFailure(String language, boolean missingModuleSession) {
    if (language.equals("javascript")) {
      return Failure.UNDEFINED_PROPERTY;
    }
    if (missingModuleSession && random.nextBoolean()) {
      return Failure.MISSING_REQUESTS;
    }
    return random.nextBoolean() ? Failure.ASSERTION : Failure.KEY_ERROR;
  }

  private String code(String language) {
    int variant = random.nextInt(1000);
    return language.equals("python")
        ? "from app.report import totals, load_orders\nprint(totals(load_orders(limit="
            + variant
            + ")))\n"
        : "const { productIds } = require('./cart');\nconsole.log(productIds(loadCart("
            + variant
            + ")));\n";
  }

  private void toolCall(Session session, Instant at, String tool) {
    boolean succeeded = !tool.equals("run_tests") || random.nextDouble() < 0.8;
    String arguments =
        tool.equals("run_tests")
            ? "{\"command\":\"pytest -q tests/\"}"
            : "{\"path\":\"app/report.py\"}";
    add(session, events.toolCall(session.sessionId(), at, tool, arguments, succeeded));
    toolCalls++;
  }

  /** A suggestion, and its verification: a run of the tests, then the verdict. */
  private void suggest(Session session, Instant at) {
    String id = session.sessionId();
    String suggestionId = "sugg-" + id + "-" + suggestions++;
    String verificationId = "verif-" + suggestionId;
    String executionId = "exec-" + id + "-" + executions++;
    String code = "def totals(orders):\n    return {}\n";
    boolean passes = random.nextDouble() < successRate(session, "python");
    add(session, events.suggestion(id, at, suggestionId, "python", code));
    Instant runAt = at.plusSeconds(2);
    add(
        session,
        events.verificationRequested(id, runAt, verificationId, suggestionId, executionId));
    add(
        session,
        events.verificationRun(
            id, runAt, executionId, suggestionId, "python", code, DemoEvents.TEST_COMMAND));
    long durationMs = 1500 + random.nextInt(1000);
    Instant doneAt = runAt.plusMillis(durationMs);
    add(
        session,
        events.executionCompleted(
            id, doneAt, executionId, durationMs, passes ? null : Failure.ASSERTION));
    add(
        session,
        events.verificationCompleted(
            id, doneAt.plusMillis(100), verificationId, suggestionId, executionId, passes));
  }

  /** One sample a minute, in the session whose agent's turn that minute is. */
  private void testDurations() {
    for (int minute = 0; minute < SPAN.toMinutes(); minute++) {
      Session session =
          sessions.get((int) (minute / SESSION.toMinutes()) * AGENTS + minute % AGENTS);
      double value =
          minute == OUTLIER_MINUTE
              ? OUTLIER_TEST_MS
              : NORMAL_TEST_MS * (1 + 0.05 * (2 * random.nextDouble() - 1));
      Instant at = start.plus(Duration.ofMinutes(minute)).plusSeconds(30);
      add(
          session,
          events.metric(
              session.sessionId(), at, METRIC, Math.round(value * 10) / 10.0, METRIC_TAGS));
      samples++;
    }
  }

  private void add(Session session, Map<String, Object> event) {
    postings.add(
        new Posting(session.agent(), Instant.parse((String) event.get("occurredAt")), event));
  }
}
