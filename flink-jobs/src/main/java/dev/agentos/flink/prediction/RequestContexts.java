package dev.agentos.flink.prediction;

import dev.agentos.flink.features.Activity;
import dev.agentos.flink.features.ActivityKind;
import dev.agentos.flink.features.ActivityOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps one agent's history (the key is {@code tenant/project/agent}) and describes each execution
 * request and suggestion proposal by what was known of it, its session and its agent at that moment
 * ({@link RequestFeatures}), before the request itself is counted.
 *
 * <p>In event-time order (retraining, {@code inEventTimeOrder}), activities wait in state until the
 * watermark passes them and are replayed sorted by time, kind and position, so the same history
 * always gives the same examples. Serving describes each request as it arrives instead, since a
 * prediction is worth most before the run starts; the two differ only for activities that arrive
 * out of order, which the watermark's bound keeps to a few seconds. Sessions and runs idle for
 * {@link #FORGET_AFTER_MS} of event time are forgotten, an agent idle for {@link
 * #FORGET_AGENT_AFTER_MS}.
 */
public final class RequestContexts
    extends KeyedProcessFunction<String, Activity, PredictionRequest> {

  private static final long serialVersionUID = 1L;

  private static final long HOUR = 3_600_000L;
  static final long FORGET_AFTER_MS = 24 * HOUR;
  static final long FORGET_AGENT_AFTER_MS = 30 * 24 * HOUR;
  private static final String NO_SESSION = "";

  private static final Comparator<Activity> REPLAY_ORDER =
      Comparator.comparingLong(Activity::eventTimeMillis)
          .thenComparing(Activity::kind)
          .thenComparing(a -> a.position().topic())
          .thenComparingInt(a -> a.position().partition())
          .thenComparingLong(a -> a.position().offset());

  private final boolean inEventTimeOrder;
  private transient ValueState<AgentHistory> agent;
  private transient MapState<String, SessionHistory> sessions;
  private transient MapState<String, PendingRun> runs;
  private transient MapState<Long, List<Activity>> waiting;

  public RequestContexts(boolean inEventTimeOrder) {
    this.inEventTimeOrder = inEventTimeOrder;
  }

  /** The key activities of one agent share. */
  public static String agentKey(Activity activity) {
    return activity.tenantId() + "/" + activity.projectId() + "/" + activity.agentId();
  }

  @Override
  public void open(OpenContext context) {
    agent = getRuntimeContext().getState(new ValueStateDescriptor<>("agent", AgentHistory.class));
    sessions =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "sessions", Types.STRING, TypeInformation.of(SessionHistory.class)));
    runs =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "runs", Types.STRING, TypeInformation.of(PendingRun.class)));
    waiting =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "waiting", Types.LONG, Types.LIST(TypeInformation.of(Activity.class))));
  }

  @Override
  public void processElement(Activity activity, Context context, Collector<PredictionRequest> out)
      throws Exception {
    long time = activity.eventTimeMillis();
    if (!inEventTimeOrder || time <= context.timerService().currentWatermark()) {
      apply(activity, context, out); // late ones count on arrival: a replay has few, if any
      return;
    }
    List<Activity> due = waiting.get(time);
    List<Activity> updated = due == null ? new ArrayList<>() : new ArrayList<>(due);
    updated.add(activity);
    waiting.put(time, updated);
    context.timerService().registerEventTimeTimer(time);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<PredictionRequest> out)
      throws Exception {
    List<Activity> due = waiting.get(timestamp);
    if (due != null) {
      waiting.remove(timestamp);
      List<Activity> ordered = new ArrayList<>(due);
      ordered.sort(REPLAY_ORDER);
      for (Activity activity : ordered) {
        apply(activity, context, out);
      }
    }
    if (timestamp % HOUR == HOUR - 1) {
      forgetIdle(timestamp);
    }
  }

  private void apply(Activity activity, Context context, Collector<PredictionRequest> out)
      throws Exception {
    AgentHistory history = agent.value();
    if (history == null) {
      history = new AgentHistory();
    }
    String sessionKey = activity.sessionId() == null ? NO_SESSION : activity.sessionId();
    SessionHistory session = sessions.get(sessionKey);
    if (session == null) {
      session = SessionHistory.startingAt(activity.eventTimeMillis());
    }
    session.lastActivityAt = Math.max(session.lastActivityAt, activity.eventTimeMillis());
    switch (activity.kind()) {
      case EXECUTION_REQUESTED -> {
        out.collect(request(activity, RequestDescriber.execution(activity, session, history)));
        String command = Long.toString(activity.commandHash());
        session.countAction(activity);
        session.countRequest(command);
        runs.put(
            activity.executionId(),
            new PendingRun(sessionKey, command, activity.language(), activity.eventTimeMillis()));
      }
      case SUGGESTION_PROPOSED -> {
        out.collect(request(activity, RequestDescriber.suggestion(activity, session, history)));
        session.touch(activity.filePath());
      }
      case TOOL_CALL -> {
        session.countAction(activity);
        session.countToolCall(activity.outcome());
      }
      case EXECUTION_COMPLETED -> countRun(activity, session, history);
      case VERIFICATION_COMPLETED -> {
        if (decided(activity.outcome())) {
          boolean passed = activity.outcome() == ActivityOutcome.SUCCEEDED;
          session.countVerdict(passed);
          history.countVerdict(passed);
        }
      }
      default -> {}
    }
    sessions.put(sessionKey, session);
    history.lastActivityAt = Math.max(history.lastActivityAt, activity.eventTimeMillis());
    agent.update(history);
    // Hour-aligned, so a busy agent keeps two timers per hour, not two per activity.
    long hourEnd = Math.floorDiv(activity.eventTimeMillis(), HOUR) * HOUR + HOUR - 1;
    context.timerService().registerEventTimeTimer(hourEnd + FORGET_AFTER_MS);
    context.timerService().registerEventTimeTimer(hourEnd + FORGET_AGENT_AFTER_MS);
  }

  /** A completion counts under its request's session and language, whichever session it says. */
  private void countRun(Activity completion, SessionHistory session, AgentHistory history)
      throws Exception {
    if (!decided(completion.outcome())) {
      return; // the sandbox failed: says nothing about the agent
    }
    boolean succeeded = completion.outcome() == ActivityOutcome.SUCCEEDED;
    PendingRun run = runs.get(completion.executionId());
    if (run == null) {
      session.countRun(null, succeeded);
      history.countRun(null, succeeded);
      return;
    }
    runs.remove(completion.executionId());
    SessionHistory requestedIn = sessions.get(run.sessionKey);
    SessionHistory counted = requestedIn == null ? session : requestedIn;
    counted.countRun(run.command, succeeded);
    history.countRun(run.language, succeeded);
    if (requestedIn != null) {
      sessions.put(run.sessionKey, requestedIn);
    }
  }

  private static boolean decided(ActivityOutcome outcome) {
    return outcome == ActivityOutcome.SUCCEEDED || outcome == ActivityOutcome.FAILED;
  }

  private void forgetIdle(long now) throws Exception {
    long idleBefore = now - FORGET_AFTER_MS;
    List<String> idleSessions = new ArrayList<>();
    for (Map.Entry<String, SessionHistory> entry : sessions.entries()) {
      if (entry.getValue().lastActivityAt < idleBefore) {
        idleSessions.add(entry.getKey());
      }
    }
    for (String key : idleSessions) {
      sessions.remove(key);
    }
    List<String> staleRuns = new ArrayList<>();
    for (Map.Entry<String, PendingRun> entry : runs.entries()) {
      if (entry.getValue().requestedAt < idleBefore) {
        staleRuns.add(entry.getKey());
      }
    }
    for (String key : staleRuns) {
      runs.remove(key);
    }
    AgentHistory history = agent.value();
    if (history != null
        && history.lastActivityAt < now - FORGET_AGENT_AFTER_MS
        && sessions.isEmpty()
        && runs.isEmpty()
        && waiting.isEmpty()) {
      agent.clear();
    }
  }

  private static PredictionRequest request(Activity activity, double[] features) {
    boolean execution = activity.kind() == ActivityKind.EXECUTION_REQUESTED;
    return new PredictionRequest(
        activity.tenantId(),
        activity.projectId(),
        activity.agentId(),
        activity.sessionId(),
        execution ? PredictionTarget.EXECUTION_SUCCESS : PredictionTarget.SUGGESTION_VERIFICATION,
        execution ? activity.executionId() : activity.suggestionId(),
        execution ? activity.executionId() : null,
        activity.suggestionId(),
        activity.eventTimeMillis(),
        features);
  }
}
