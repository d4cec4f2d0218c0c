package dev.agentos.flink.patterns.success;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Gives each proposal the tools its session called before it: the names of the last {@value
 * #LENGTH} tool calls, oldest first, joined by {@value #SEPARATOR} (e.g. {@code
 * read_file>edit_file>run_tests}), whatever each call's status, and whatever proposals came between
 * them: it is what the agent did just before. Keyed by tenant and session, in event-time order; a
 * tool call of the proposal's own millisecond counts as before it; a {@value #SEPARATOR} in a
 * tool's name becomes {@code _}. A proposal outside a session has no sequence (null); one whose
 * session called no tool yet has the empty one.
 *
 * <p>State per session: the sequence, the last input's time and one forget timer per event-time
 * hour; a session idle for {@link SuccessPatternSettings#sessionIdle} is cleared.
 */
public final class ToolSequences extends EventTimeOrdered<SuccessInput, SuccessInput> {

  private static final long serialVersionUID = 1L;

  static final int LENGTH = 3;
  static final String SEPARATOR = ">";

  public static final OutputTag<SuccessInput> LATE =
      new OutputTag<>("late-session-inputs", TypeInformation.of(SuccessInput.class));

  private final long idleMillis;
  private transient ValueState<String> sequence;
  private transient ValueState<Long> lastSeen;

  public ToolSequences(SuccessPatternSettings settings) {
    super(SuccessInput.class, LATE, settings.allowedLateness());
    this.idleMillis = settings.sessionIdle().toMillis();
  }

  @Override
  Comparator<SuccessInput> sameTimeOrder() {
    return Comparator.comparing(SuccessInput::kind).thenComparing(SuccessInput::eventId);
  }

  @Override
  public void open(OpenContext context) throws Exception {
    super.open(context);
    sequence = getRuntimeContext().getState(new ValueStateDescriptor<>("sequence", Types.STRING));
    lastSeen = getRuntimeContext().getState(new ValueStateDescriptor<>("lastSeen", Types.LONG));
  }

  @Override
  void handle(SuccessInput input, Context context, Collector<SuccessInput> out) throws Exception {
    if (input.sessionId() == null) {
      out.collect(input); // no session, no sequence: nothing to remember either
      return;
    }
    String current = sequence.value() == null ? "" : sequence.value();
    if (input.kind() == SuccessInputKind.TOOL_CALL) {
      sequence.update(appended(current, input.toolName()));
    } else {
      out.collect(input.withToolSequence(current));
    }
    long seen = Math.max(input.eventTimeMillis(), lastSeen.value() == null ? 0 : lastSeen.value());
    lastSeen.update(seen);
    context.timerService().registerEventTimeTimer(forgetAt(seen));
  }

  @Override
  void onTime(long timestamp, OnTimerContext context, Collector<SuccessInput> out)
      throws Exception {
    Long seen = lastSeen.value();
    if (seen != null && timestamp >= forgetAt(seen) && nothingPending()) {
      sequence.clear();
      lastSeen.clear();
    }
  }

  /** Aligned to the hour, so a busy session keeps one forget timer per hour, not per call. */
  private long forgetAt(long seen) {
    return hourEnd(seen) + idleMillis;
  }

  static String appended(String sequence, String tool) {
    List<String> tools =
        sequence.isEmpty()
            ? new ArrayList<>()
            : new ArrayList<>(Arrays.asList(sequence.split(SEPARATOR)));
    tools.add(tool.replace(SEPARATOR, "_")); // a tool name must not split the sequence
    return String.join(SEPARATOR, tools.subList(Math.max(0, tools.size() - LENGTH), tools.size()));
  }
}
