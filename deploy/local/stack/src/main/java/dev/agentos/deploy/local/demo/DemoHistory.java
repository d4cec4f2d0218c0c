package dev.agentos.deploy.local.demo;

import dev.agentos.deploy.local.demo.DemoEvents.Failure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Three hours of two agents' work on one project, made up from one seeded {@link Random}: every run
 * of the demo backfills the same story, moved to end at the minute it runs. Six half-hour sessions,
 * alternating agents, each with a user's request, 48 executions (Python 7 in 10, else JavaScript),
 * 7 tool calls and 2 suggestions verified by a run of the tests (so 300 executions in all); and the
 * test suite's duration, {@value #METRIC}, once a minute.
 *
 * <p>What the learning jobs are to find in it:
 *
 * <ul>
 *   <li>error-patterns: in sessions 2 to 5, half of the Python runs that fail anew fail on the same
 *       missing dependency ({@code ModuleNotFoundError: No module named 'requests'}, with its
 *       traceback), across both agents: one ERROR pattern, reported NEW at its first match;
 *   <li>project-health: the history crosses two or three hour boundaries of event time, so the
 *       hourly job reports at each;
 *   <li>anomalies: {@value #METRIC} stays within 5 % of 1200 ms (uniform noise, which the
 *       median/MAD detector never flags), except one 4.8 s sample ten minutes before the end.
 * </ul>
 *
 * <p>The signal planted for the prediction model trained on this history later, each effect large
 * enough to learn from 300 executions:
 *
 * <ul>
 *   <li>tests first: the four sessions whose first actions run the tests (all but sessions 2 and 5)
 *       succeed at a base rate of 0.80, the two others at 0.50;
 *   <li>re-running what just failed: after a failure, half the next runs re-run the same code, and
 *       a re-run fails again 4 times in 5, with the same error;
 *   <li>skill: agent A is better at Python (+0.15 to the base rate), agent B worse (-0.15); both
 *       are alike in JavaScript;
 *   <li>suggestions: a verification passes with the same chance as the session's Python run of its
 *       agent would succeed.
 * </ul>
 */
final class DemoHistory {

  static final String METRIC = "test.duration.ms";
  static final Map<String, String> METRIC_TAGS = Map.of("suite", "unit");
  static final int AGENTS = 2;
  static final int SESSIONS = 6;
  static final Duration SESSION = Duration.ofMinutes(30);
  static final Duration SPAN = SESSION.multipliedBy(SESSIONS);

  private static final long SEED = 16;
  private static final int EXECUTIONS_PER_SESSION = 48;
  private static final int LEADING_TOOL_CALLS = 3;
  private static final int TOOL_CALL_EVERY = 10;
  private static final int SUGGESTION_EVERY = 20;

  /** The actions of a session, spread evenly over it: it ends before the next one starts. */
  private static final int SLOTS =
      1
          + LEADING_TOOL_CALLS
          + EXECUTIONS_PER_SESSION
          + EXECUTIONS_PER_SESSION / TOOL_CALL_EVERY
          + EXECUTIONS_PER_SESSION / SUGGESTION_EVERY;

  private static final double NORMAL_TEST_MS = 1200;
  private static final double OUTLIER_TEST_MS = 4800;
  private static final int OUTLIER_MINUTE = 170;

  /** One event and the agent (0 or 1) whose key posts it. */
  record Posting(int agent, Instant at, Map<String, Object> event) {}

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
              i != 1 && i != 4,
              start.plus(SESSION.multipliedBy(i)));
      sessions.add(session);
      play(session, i);
    }
    testDurations();
    postings.sort(Comparator.comparing(Posting::at));
  }

  /** The history of the {@link #SPAN} before {@code end}, its ids made unique by {@code run}. */
  static DemoHistory ending(Instant end, String run) {
    return new DemoHistory(run, end);
  }

  /** Every event, oldest first, with the agent that posts it. */
  List<Posting> postings() {
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
    Duration slot = SESSION.minusSeconds(30).dividedBy(SLOTS);
    Instant at = session.start().plusSeconds(5);
    add(session, events.userTurn(id, at, "The order report is wrong for some currencies; fix it."));
    for (int i = 0; i < LEADING_TOOL_CALLS; i++) {
      at = at.plus(slot);
      toolCall(session, at, session.testsFirst() ? "run_tests" : "read_file");
    }
    boolean missingModuleSession = index >= 1 && index <= 4;
    Run last = null;
    for (int i = 1; i <= EXECUTIONS_PER_SESSION; i++) {
      at = at.plus(slot);
      last = execute(session, at, last, missingModuleSession);
      if (i % TOOL_CALL_EVERY == 0) {
        at = at.plus(slot);
        toolCall(session, at, random.nextBoolean() ? "run_tests" : "edit_file");
      }
      if (i % SUGGESTION_EVERY == 0) {
        at = at.plus(slot);
        suggest(session, at);
      }
    }
  }

  /** A run as the next one may re-run it. */
  private record Run(String language, String code, Failure failure) {}

  private Run execute(Session session, Instant at, Run last, boolean missingModuleSession) {
    Run run;
    if (last != null && last.failure() != null && random.nextBoolean()) {
      // The same code again: it mostly fails the same way.
      boolean succeeds = random.nextDouble() < 0.2;
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
    double base = session.testsFirst() ? 0.80 : 0.50;
    if (language.equals("python")) {
      base += session.agent() == 0 ? 0.15 : -0.15;
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
    boolean passes = random.nextDouble() < successRate(session, "python");
    add(
        session,
        events.suggestion(id, at, suggestionId, "python", "def totals(orders):\n    return {}\n"));
    Instant runAt = at.plusSeconds(2);
    add(
        session,
        events.verificationRequested(id, runAt, verificationId, suggestionId, executionId));
    add(session, events.executionRequested(id, runAt, executionId, "python", "pytest -q"));
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

  /** One sample a minute, in the session of that minute, by its agent. */
  private void testDurations() {
    for (int minute = 0; minute < SPAN.toMinutes(); minute++) {
      Session session = sessions.get((int) (minute / SESSION.toMinutes()));
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
