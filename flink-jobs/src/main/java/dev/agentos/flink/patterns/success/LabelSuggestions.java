package dev.agentos.flink.patterns.success;

import java.util.Comparator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Joins a suggestion's proposal (with its tool sequence) and its verdict, keyed by tenant and
 * suggestion id, whichever comes first, and emits its {@link SignatureTry tries}: passed or not. In
 * event-time order, so the label is the suggestion's first PASSED or FAILED verdict in event time;
 * later verdicts (a re-run of the same suggestion) and a repeated proposal are ignored: one
 * suggestion, one try.
 *
 * <p>State per suggestion: the proposal or the first verdict while the other is awaited, then only
 * that it was labelled. All of it is cleared {@link SuccessPatternSettings#labelWithin} after the
 * first of the two was seen (one timer): a verdict later than that finds no proposal and is dropped
 * in its turn, so nothing is counted twice and a proposal never verified costs nothing for ever.
 */
public final class LabelSuggestions extends EventTimeOrdered<SuccessInput, SignatureTry> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<SuccessInput> LATE =
      new OutputTag<>("late-verdicts", TypeInformation.of(SuccessInput.class));

  private final long labelWithinMillis;
  private transient ValueState<SuccessInput> proposal;
  private transient ValueState<SuccessInput> verdict;
  private transient ValueState<Boolean> labelled;
  private transient ValueState<Long> forgetAt;

  public LabelSuggestions(SuccessPatternSettings settings) {
    super(SuccessInput.class, LATE, settings.allowedLateness());
    this.labelWithinMillis = settings.labelWithin().toMillis();
  }

  @Override
  Comparator<SuccessInput> sameTimeOrder() {
    return Comparator.comparing(SuccessInput::kind).thenComparing(SuccessInput::eventId);
  }

  @Override
  public void open(OpenContext context) throws Exception {
    super.open(context);
    TypeInformation<SuccessInput> input = TypeInformation.of(SuccessInput.class);
    proposal = getRuntimeContext().getState(new ValueStateDescriptor<>("proposal", input));
    verdict = getRuntimeContext().getState(new ValueStateDescriptor<>("verdict", input));
    labelled = getRuntimeContext().getState(new ValueStateDescriptor<>("labelled", Types.BOOLEAN));
    forgetAt = getRuntimeContext().getState(new ValueStateDescriptor<>("forgetAt", Types.LONG));
  }

  @Override
  void handle(SuccessInput input, Context context, Collector<SignatureTry> out) throws Exception {
    if (labelled.value() != null) {
      return;
    }
    if (forgetAt.value() == null) {
      long at = input.eventTimeMillis() + labelWithinMillis;
      forgetAt.update(at);
      context.timerService().registerEventTimeTimer(at);
    }
    boolean isProposal = input.kind() == SuccessInputKind.PROPOSAL;
    SuccessInput other = isProposal ? verdict.value() : proposal.value();
    if (other == null) {
      ValueState<SuccessInput> waiting = isProposal ? proposal : verdict;
      if (waiting.value() == null) {
        waiting.update(input);
      }
      return;
    }
    SuccessInput theProposal = isProposal ? input : other;
    SuccessInput theVerdict = isProposal ? other : input;
    long labelledAt = Math.max(input.eventTimeMillis(), other.eventTimeMillis());
    SuccessSignatures.of(theProposal, theVerdict.passed(), labelledAt, input).forEach(out::collect);
    proposal.clear();
    verdict.clear();
    labelled.update(true);
  }

  @Override
  void onTime(long timestamp, OnTimerContext context, Collector<SignatureTry> out)
      throws Exception {
    Long at = forgetAt.value();
    if (at != null && timestamp >= at) {
      proposal.clear();
      verdict.clear();
      labelled.clear();
      forgetAt.clear();
    }
  }
}
