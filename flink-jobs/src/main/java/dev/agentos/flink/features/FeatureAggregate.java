package dev.agentos.flink.features;

import java.util.List;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Folds each activity into its window's {@link FeatureAccumulator} as it arrives, so a window keeps
 * counts and bounded samples rather than its events, and turns it into the v1 features when the
 * window fires.
 */
public final class FeatureAggregate
    implements AggregateFunction<Activity, FeatureAccumulator, FeatureAggregate.Result> {

  private static final long serialVersionUID = 1L;

  /**
   * A fired window's features, with the agent its activities came from: the one agent, or null when
   * they came from several.
   */
  public record Result(List<Feature> features, String agentId) {}

  @Override
  public FeatureAccumulator createAccumulator() {
    return new FeatureAccumulator();
  }

  @Override
  public FeatureAccumulator add(Activity activity, FeatureAccumulator accumulator) {
    accumulator.add(activity);
    return accumulator;
  }

  @Override
  public Result getResult(FeatureAccumulator accumulator) {
    return new Result(
        FeatureSetV1.of(accumulator), accumulator.severalAgents ? null : accumulator.agentId);
  }

  @Override
  public FeatureAccumulator merge(FeatureAccumulator a, FeatureAccumulator b) {
    a.merge(b);
    return a;
  }
}
