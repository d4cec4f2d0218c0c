package dev.agentos.flink.patterns.success;

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
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Counts the labelled tries of one success signature (the key is its {@code patternId}): support
 * (tries), occurrences (verified successes) and their rate. Reports it NEW as soon as its support
 * reaches {@link SuccessPatternSettings#minimumSupport}, then RECURRING at the end of each
 * event-time hour in which it counted a try: at most once an hour, and only when it changed. There
 * is no RISING for success: a rate is not a count that rises, and its changes are in every report.
 * A signature without tries for the retention is forgotten.
 *
 * <p>In event-time order ({@link EventTimeOrdered}), so replaying the same history makes the same
 * reports with the same ids.
 */
public final class SuccessPatternCounter extends EventTimeOrdered<SignatureTry, PatternDetected> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<SignatureTry> LATE =
      new OutputTag<>("late-tries", TypeInformation.of(SignatureTry.class));

  static final int MAX_EXAMPLES = 10;
  static final int MAX_DISTINCT = 10_000;

  private final SuccessPatternSettings settings;
  private transient ValueState<SuccessTally> tally;
  private transient ListState<SuccessExample> examples;
  private transient MapState<String, Boolean> agents;
  private transient MapState<String, Boolean> sessions;

  public SuccessPatternCounter(SuccessPatternSettings settings) {
    super(SignatureTry.class, LATE, settings.allowedLateness());
    this.settings = settings;
  }

  @Override
  Comparator<SignatureTry> sameTimeOrder() {
    return Comparator.comparing(SignatureTry::suggestionId);
  }

  @Override
  public void open(OpenContext context) throws Exception {
    super.open(context);
    GeneratedAvroClasses.trust(); // this task copies PatternDetected records on to the sink
    tally = getRuntimeContext().getState(new ValueStateDescriptor<>("tally", SuccessTally.class));
    examples =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("examples", SuccessExample.class));
    agents =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("agents", Types.STRING, Types.BOOLEAN));
    sessions =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("sessions", Types.STRING, Types.BOOLEAN));
  }

  @Override
  void handle(SignatureTry attempt, Context context, Collector<PatternDetected> out)
      throws Exception {
    SuccessTally current = tally.value();
    if (current == null) {
      current = SuccessTally.first(attempt);
    }
    current.count(attempt);
    if (attempt.passed()) {
      if (remember(agents, attempt.agentId(), current.agents)) {
        current.agents++;
      }
      if (remember(sessions, attempt.sessionId(), current.sessions)) {
        current.sessions++;
      }
      keepExample(attempt);
    }
    if (current.support == settings.minimumSupport()) {
      report(context.getCurrentKey(), current, PatternStatus.NEW, out);
    } else if (current.support > settings.minimumSupport()) {
      current.unreported = true;
      context.timerService().registerEventTimeTimer(hourEnd(attempt.eventTimeMillis()));
    }
    context.timerService().registerEventTimeTimer(forgetAt(current));
    tally.update(current);
  }

  @Override
  void onTime(long timestamp, OnTimerContext context, Collector<PatternDetected> out)
      throws Exception {
    SuccessTally current = tally.value();
    if (current == null) {
      return;
    }
    if (current.unreported && timestamp == hourEnd(timestamp)) {
      report(context.getCurrentKey(), current, PatternStatus.RECURRING, out);
      tally.update(current);
    }
    if (timestamp >= forgetAt(current) && nothingPending()) {
      tally.clear();
      examples.clear();
      agents.clear();
      sessions.clear();
    }
  }

  private void report(
      String patternId, SuccessTally current, PatternStatus status, Collector<PatternDetected> out)
      throws Exception {
    List<SuccessExample> recent = new ArrayList<>();
    examples.get().forEach(recent::add);
    out.collect(SuccessSnapshots.of(patternId, current, recent, status));
    current.unreported = false;
  }

  private static boolean remember(MapState<String, Boolean> seen, String id, int count)
      throws Exception {
    if (id == null || count >= MAX_DISTINCT || seen.contains(id)) {
      return false;
    }
    seen.put(id, true);
    return true;
  }

  private void keepExample(SignatureTry attempt) throws Exception {
    List<SuccessExample> recent = new ArrayList<>();
    examples.get().forEach(recent::add);
    recent.add(new SuccessExample(attempt.proposalEventId(), attempt.excerpt()));
    if (recent.size() > MAX_EXAMPLES) {
      recent = new ArrayList<>(recent.subList(recent.size() - MAX_EXAMPLES, recent.size()));
    }
    examples.update(recent);
  }

  /** Aligned to the hour, so a busy signature keeps one forget timer per hour, not per try. */
  private long forgetAt(SuccessTally current) {
    return hourEnd(current.lastSeen) + settings.retention().toMillis();
  }
}
