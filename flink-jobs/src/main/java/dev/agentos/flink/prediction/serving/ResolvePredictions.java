package dev.agentos.flink.prediction.serving;

import dev.agentos.flink.prediction.Resolution;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Meets a subject's predictions (the key is its subject key) with its outcome and hands each on
 * with it, in whichever order they arrive: the outcome takes a shorter path through the job than
 * the predictions, so it is often first. What counts is event time: a prediction of a request made
 * before the outcome is a forecast; one of a request made after it is not, and a second outcome
 * changes nothing. Each version's prediction counts once. State is dropped {@link #WAIT_MS} of
 * event time after the request or the outcome.
 */
public final class ResolvePredictions
    extends KeyedCoProcessFunction<String, ScoredPrediction, Resolution, ResolvedPrediction> {

  private static final long serialVersionUID = 1L;

  static final long WAIT_MS = 7 * 24 * 3_600_000L;

  private transient ListState<ScoredPrediction> predictions;
  private transient ValueState<Resolution> outcome;

  @Override
  public void open(OpenContext context) {
    predictions =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>(
                    "predictions", TypeInformation.of(ScoredPrediction.class)));
    outcome =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("outcome", TypeInformation.of(Resolution.class)));
  }

  @Override
  public void processElement1(
      ScoredPrediction prediction, Context context, Collector<ResolvedPrediction> out)
      throws Exception {
    for (ScoredPrediction known : predictions.get()) {
      if (known.modelVersion().equals(prediction.modelVersion())) {
        return; // the same version predicting again after a restart
      }
    }
    predictions.add(prediction);
    long requestedAt = prediction.request().requestedAtMillis();
    context.timerService().registerEventTimeTimer(requestedAt + WAIT_MS);
    Resolution known = outcome.value();
    if (known != null && requestedAt <= known.resolvedAtMillis()) {
      out.collect(resolved(prediction, known));
    }
  }

  @Override
  public void processElement2(
      Resolution resolution, Context context, Collector<ResolvedPrediction> out) throws Exception {
    if (outcome.value() != null) {
      return;
    }
    outcome.update(resolution);
    context.timerService().registerEventTimeTimer(resolution.resolvedAtMillis() + WAIT_MS);
    for (ScoredPrediction prediction : predictions.get()) {
      if (prediction.request().requestedAtMillis() <= resolution.resolvedAtMillis()) {
        out.collect(resolved(prediction, resolution));
      }
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<ResolvedPrediction> out) {
    predictions.clear();
    outcome.clear();
  }

  private static ResolvedPrediction resolved(ScoredPrediction prediction, Resolution resolution) {
    return new ResolvedPrediction(
        resolution.tenantId(),
        prediction.modelName(),
        prediction.modelVersion(),
        prediction.role(),
        prediction.probability(),
        resolution.succeeded(),
        resolution.resolvedAtMillis());
  }
}
