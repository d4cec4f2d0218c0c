package dev.agentos.flink.patterns;

import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Counts the matches of one error pattern (the key is its {@code patternId}) and reports it: at
 * once when it is NEW (first match) and when it first recurs (second match), at once when it is
 * RISING (an hour with at least {@code risingMinimum} matches and {@code risingFactor} times the
 * hour before; once per hour), and otherwise at the end of each event-time hour in which it matched
 * (RECURRING). A pattern unseen for the retention is forgotten.
 *
 * <p>Matches are counted in event-time order, not arrival order: each waits in state until the
 * watermark passes it. So a report depends only on the history, and replaying the same history
 * makes the same reports with the same ids. Two exceptions, both for live runs: a NEW pattern may
 * be reported as its first match arrives ({@link PatternSettings#newOnArrival}), and a match that
 * arrives behind the watermark, within the allowed lateness, is counted on arrival. Further behind,
 * it goes to {@link #LATE}.
 */
public final class ErrorPatternCounter
    extends KeyedProcessFunction<String, FailureMatch, PatternDetected> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<FailureMatch> LATE =
      new OutputTag<>("late-failures", TypeInformation.of(FailureMatch.class));

  static final long HOUR = 3_600_000L;
  static final int MAX_EXAMPLES = 10;

  /** Distinct agents and sessions are counted up to this, then the count stays. */
  static final int MAX_DISTINCT = 10_000;

  private final PatternSettings settings;
  private transient MapState<Long, List<FailureMatch>> pending;
  private transient ValueState<PatternTally> tally;
  private transient ListState<RecentExample> examples;
  private transient MapState<String, Boolean> agents;
  private transient MapState<String, Boolean> sessions;
  private transient ValueState<Boolean> announced;

  public ErrorPatternCounter(PatternSettings settings) {
    this.settings = settings;
  }

  static long hourOf(long eventTime) {
    return Math.floorDiv(eventTime, HOUR) * HOUR;
  }

  @Override
  public void open(OpenContext context) {
    GeneratedAvroClasses.trust(); // this task copies PatternDetected records on to the sink
    TypeInformation<FailureMatch> match = TypeInformation.of(FailureMatch.class);
    pending =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("pending", Types.LONG, Types.LIST(match)));
    tally = getRuntimeContext().getState(new ValueStateDescriptor<>("tally", PatternTally.class));
    examples =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("examples", RecentExample.class));
    agents =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("agents", Types.STRING, Types.BOOLEAN));
    sessions =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("sessions", Types.STRING, Types.BOOLEAN));
    announced =
        getRuntimeContext().getState(new ValueStateDescriptor<>("announced", Types.BOOLEAN));
  }

  @Override
  public void processElement(FailureMatch match, Context context, Collector<PatternDetected> out)
      throws Exception {
    long time = match.eventTimeMillis();
    long watermark = context.timerService().currentWatermark();
    if (time <= watermark) {
      if (watermark - time > settings.allowedLateness().toMillis()) {
        context.output(LATE, match);
      } else {
        count(match, context, out); // its hour may be reported already: it counts from now on
      }
      return;
    }
    if (settings.newOnArrival() && tally.value() == null && announced.value() == null) {
      announce(match, context, out);
    }
    List<FailureMatch> waiting = pending.get(time);
    List<FailureMatch> updated = waiting == null ? new ArrayList<>() : new ArrayList<>(waiting);
    updated.add(match);
    pending.put(time, updated);
    context.timerService().registerEventTimeTimer(time);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<PatternDetected> out)
      throws Exception {
    List<FailureMatch> due = pending.get(timestamp);
    if (due != null) {
      pending.remove(timestamp);
      List<FailureMatch> ordered = new ArrayList<>(due);
      ordered.sort(Comparator.comparing(FailureMatch::eventId));
      for (FailureMatch match : ordered) {
        count(match, context, out);
      }
    }
    PatternTally current = tally.value();
    if (current == null) {
      return;
    }
    if (current.unreported && timestamp == hourEnd(current.hourStart)) {
      report(context.getCurrentKey(), current, current.risingThisHour, out);
    }
    if (timestamp >= forgetAt(current) && pending.isEmpty()) {
      forget();
    }
  }

  private void count(FailureMatch match, Context context, Collector<PatternDetected> out)
      throws Exception {
    PatternTally current = tally.value();
    if (current == null) {
      current = PatternTally.first(match);
    }
    current.count(match);
    if (remember(agents, match.agentId(), current.agents)) {
      current.agents++;
    }
    if (remember(sessions, match.sessionId(), current.sessions)) {
      current.sessions++;
    }
    keepExample(match);
    String patternId = context.getCurrentKey();
    if (current.occurrences == 1 && announced.value() != null) {
      current.unreported = false; // reported NEW on arrival already
    } else if (current.occurrences <= 2) {
      report(patternId, current, false, out); // NEW, then RECURRING at its second match
    } else if (!current.risingThisHour && current.rising(settings)) {
      current.risingThisHour = true;
      report(patternId, current, true, out);
    } else {
      current.unreported = true;
      context.timerService().registerEventTimeTimer(hourEnd(current.hourStart));
    }
    context.timerService().registerEventTimeTimer(forgetAt(current));
    tally.update(current);
  }

  /** Reports a NEW pattern on its first match's arrival, before the watermark passes it. */
  private void announce(FailureMatch match, Context context, Collector<PatternDetected> out)
      throws Exception {
    PatternTally first = PatternTally.first(match);
    first.count(match);
    first.agents = match.agentId() == null ? 0 : 1;
    first.sessions = match.sessionId() == null ? 0 : 1;
    RecentExample example =
        new RecentExample(match.eventId(), match.excerpt(), match.eventTimeMillis());
    out.collect(
        PatternSnapshots.of(context.getCurrentKey(), first, List.of(example), PatternStatus.NEW));
    announced.update(true);
  }

  private void report(
      String patternId, PatternTally current, boolean rising, Collector<PatternDetected> out)
      throws Exception {
    PatternStatus status =
        current.occurrences == 1
            ? PatternStatus.NEW
            : rising ? PatternStatus.RISING : PatternStatus.RECURRING;
    List<RecentExample> recent = new ArrayList<>();
    examples.get().forEach(recent::add);
    out.collect(PatternSnapshots.of(patternId, current, recent, status));
    current.unreported = false;
    tally.update(current);
  }

  private static boolean remember(MapState<String, Boolean> seen, String id, int count)
      throws Exception {
    if (id == null || count >= MAX_DISTINCT || seen.contains(id)) {
      return false;
    }
    seen.put(id, true);
    return true;
  }

  private void keepExample(FailureMatch match) throws Exception {
    List<RecentExample> recent = new ArrayList<>();
    examples.get().forEach(recent::add);
    recent.add(new RecentExample(match.eventId(), match.excerpt(), match.eventTimeMillis()));
    if (recent.size() > MAX_EXAMPLES) {
      recent = new ArrayList<>(recent.subList(recent.size() - MAX_EXAMPLES, recent.size()));
    }
    examples.update(recent);
  }

  /** Aligned to the hour, so a busy pattern keeps one forget timer per hour, not per match. */
  private long forgetAt(PatternTally current) {
    return hourEnd(hourOf(current.lastSeen)) + settings.retention().toMillis();
  }

  private static long hourEnd(long hourStart) {
    return hourStart + HOUR - 1;
  }

  private void forget() {
    tally.clear();
    examples.clear();
    agents.clear();
    sessions.clear();
    announced.clear();
  }
}
