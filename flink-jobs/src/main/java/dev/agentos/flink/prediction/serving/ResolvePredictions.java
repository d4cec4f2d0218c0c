package dev.agentos.flink.prediction.serving;

import dev.agentos.flink.prediction.Resolution;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Holds a subject's predictions (the key is its subject key) until its outcome, then hands each on
 * with the outcome. Only predictions made before the outcome count: one made after is no forecast.
 * Predictions whose subject never resolves are dropped after {@link #WAIT_MS} of event time, and a
 * resolved subject is remembered as long, so late predictions and repeated outcomes count nothing.
 */
public final class ResolvePredictions
    extends KeyedCoProcessFunction<String, ScoredPrediction, Resolution, ResolvedPrediction> {

  private static final long serialVersionUID = 1L;

  static final long WAIT_MS = 7 * 24 * 3_600_000L;

  private transient ListState<ScoredPrediction> open;
  private transient ValueState<Boolean> resolved;

  @Override
  public void open(OpenContext context) {
    open =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>("open", TypeInformation.of(ScoredPrediction.class)));
    resolved = getRuntimeContext().getState(new ValueStateDescriptor<>("resolved", Types.BOOLEAN));
  }

  @Override
  public void processElement1(
      ScoredPrediction prediction, Context context, Collector<ResolvedPrediction> out)
      throws Exception {
    if (resolved.value() != null) {
      return; // made after the outcome: no forecast
    }
    for (ScoredPrediction known : open.get()) {
      if (known.modelVersion().equals(prediction.modelVersion())) {
        return; // the same version predicting again after a restart
      }
    }
    open.add(prediction);
    context
        .timerService()
        .registerEventTimeTimer(prediction.request().requestedAtMillis() + WAIT_MS);
  }

  @Override
  public void processElement2(
      Resolution resolution, Context context, Collector<ResolvedPrediction> out) throws Exception {
    if (resolved.value() != null) {
      return; // a second outcome of one subject changes no forecast's record
    }
    resolved.update(true);
    context.timerService().registerEventTimeTimer(resolution.resolvedAtMillis() + WAIT_MS);
    List<ScoredPrediction> predictions = new ArrayList<>();
    open.get().forEach(predictions::add);
    for (ScoredPrediction prediction : predictions) {
      out.collect(
          new ResolvedPrediction(
              resolution.tenantId(),
              prediction.modelName(),
              prediction.modelVersion(),
              prediction.role(),
              prediction.probability(),
              resolution.succeeded(),
              resolution.resolvedAtMillis()));
    }
    open.clear();
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<ResolvedPrediction> out) {
    open.clear();
    resolved.clear();
  }
}
