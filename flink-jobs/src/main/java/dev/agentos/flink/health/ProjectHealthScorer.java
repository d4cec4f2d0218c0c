package dev.agentos.flink.health;

import dev.agentos.events.derived.ProjectHealthReported;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Scores one project (the key is {@link HealthInput#projectKey()}): at the end of each event-time
 * period (an hour by default) whose trailing window holds any of its data, reports its health over
 * that window ({@link HealthScores}). A project reports from the period of its first input until
 * its data has left the window; with no component to score, it reports nothing.
 *
 * <p>Inputs are applied in event-time order, not arrival order: each waits in state until the
 * watermark passes it. So a report depends only on the history, and replaying the same history
 * makes the same reports with the same ids ({@link HealthReports#reportId}); even the caps on what
 * is kept fill alike. An input that arrives behind the watermark within the allowed lateness is
 * applied on arrival and counts in the reports still to come (the ones already out stay as they
 * are); further behind, it goes to {@link #LATE}.
 *
 * <p>A project without inputs for the idle timeout is forgotten: all its state is cleared.
 */
public final class ProjectHealthScorer
    extends KeyedProcessFunction<String, HealthInput, ProjectHealthReported> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<HealthInput> LATE =
      new OutputTag<>("late-health-inputs", TypeInformation.of(HealthInput.class));

  /** Inputs of one millisecond apply in this order, whatever order they arrived in. */
  private static final Comparator<HealthInput> SAME_TIME_ORDER =
      Comparator.comparing(HealthInput::eventId, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(input -> input.position().toString());

  private final HealthSettings settings;
  private transient MapState<Long, List<HealthInput>> pending;
  private transient ProjectHealthState project;

  public ProjectHealthScorer(HealthSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext context) {
    GeneratedAvroClasses.trust(); // this task copies ProjectHealthReported records on to the sink
    pending =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "pending", Types.LONG, Types.LIST(TypeInformation.of(HealthInput.class))));
    project = new ProjectHealthState(getRuntimeContext(), settings);
  }

  @Override
  public void processElement(
      HealthInput input, Context context, Collector<ProjectHealthReported> out) throws Exception {
    long time = input.eventTimeMillis();
    long watermark = context.timerService().currentWatermark();
    if (time <= watermark) {
      if (watermark - time > settings.allowedLateness().toMillis()) {
        context.output(LATE, input);
        return;
      }
      project.apply(input);
      // Its own period's report may be out already: it counts from the next one on.
      context.timerService().registerEventTimeTimer(reportTimer(watermark + 1));
    } else {
      List<HealthInput> waiting = pending.get(time);
      List<HealthInput> updated = waiting == null ? new ArrayList<>() : new ArrayList<>(waiting);
      updated.add(input);
      pending.put(time, updated);
      context.timerService().registerEventTimeTimer(time);
      context.timerService().registerEventTimeTimer(reportTimer(time));
    }
    postponeClearing(input, context);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<ProjectHealthReported> out)
      throws Exception {
    List<HealthInput> due = pending.get(timestamp);
    if (due != null) {
      pending.remove(timestamp);
      List<HealthInput> ordered = new ArrayList<>(due);
      ordered.sort(SAME_TIME_ORDER);
      for (HealthInput input : ordered) {
        project.apply(input);
      }
    }
    ProjectMarks marks = project.marks();
    if (marks == null) {
      return; // forgotten already, or nothing applied yet
    }
    if (timestamp == reportTimer(timestamp)) {
      report(timestamp + 1, marks, context, out);
    }
    if (timestamp == marks.clearAt && pending.isEmpty()) {
      project.clear();
    }
  }

  /** Reports the window ending at {@code end}, and schedules the next report if it has data. */
  private void report(
      long end, ProjectMarks marks, OnTimerContext context, Collector<ProjectHealthReported> out)
      throws Exception {
    long start = end - settings.windowMillis();
    ProjectHealthReported report =
        HealthReports.of(marks.tenantId, marks.projectId, start, end, project.window(start, end));
    if (report != null) {
      out.collect(report);
    }
    long nextEnd = end + settings.periodMillis();
    if (project.pruneBefore(nextEnd - settings.windowMillis())) {
      context.timerService().registerEventTimeTimer(nextEnd - 1);
    }
  }

  /**
   * The timer of the report whose window ends with the period {@code time} falls in: a watermark at
   * or past the period's last millisecond has passed all of it.
   */
  private long reportTimer(long time) {
    return settings.periodOf(time) + settings.periodMillis() - 1;
  }

  /**
   * Moves the project's forgetting to the idle timeout after {@code input}'s period; aligned to
   * periods, so a busy project adds one timer per period, not one per input. A timer left behind
   * finds {@code clearAt} moved on and does nothing.
   */
  private void postponeClearing(HealthInput input, Context context) throws Exception {
    ProjectMarks marks = project.marks(input);
    long clearAt = reportTimer(input.eventTimeMillis()) + settings.idleTimeout().toMillis();
    if (clearAt > marks.clearAt) {
      marks.clearAt = clearAt;
      context.timerService().registerEventTimeTimer(clearAt);
    }
    project.update(marks);
  }
}
