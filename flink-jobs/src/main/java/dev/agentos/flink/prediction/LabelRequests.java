package dev.agentos.flink.prediction;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Pairs a request with its outcome (the key is {@link PredictionRequest#subjectKey}) into a
 * training {@link Example}, in whichever order the two arrive. An outcome before its request, or a
 * second outcome, labels nothing: the example is the request as it was first described. What waits
 * for its other half longer than {@link #WAIT_MS} of event time is dropped (a run never completed,
 * an outcome of a request older than the history read).
 */
public final class LabelRequests
    extends KeyedCoProcessFunction<String, PredictionRequest, Resolution, Example> {

  private static final long serialVersionUID = 1L;

  static final long WAIT_MS = 7 * 24 * 3_600_000L;

  private transient ValueState<PredictionRequest> request;
  private transient ValueState<Resolution> resolution;

  @Override
  public void open(OpenContext context) {
    request =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("request", TypeInformation.of(PredictionRequest.class)));
    resolution =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("resolution", TypeInformation.of(Resolution.class)));
  }

  @Override
  public void processElement1(PredictionRequest value, Context context, Collector<Example> out)
      throws Exception {
    if (request.value() != null) {
      return; // a redelivered or repeated request: the first description stands
    }
    Resolution known = resolution.value();
    if (known != null) {
      emit(value, known, out);
      resolution.clear();
      return;
    }
    request.update(value);
    context.timerService().registerEventTimeTimer(value.requestedAtMillis() + WAIT_MS);
  }

  @Override
  public void processElement2(Resolution value, Context context, Collector<Example> out)
      throws Exception {
    PredictionRequest known = request.value();
    if (known != null) {
      emit(known, value, out);
      request.clear();
      return;
    }
    if (resolution.value() == null) {
      resolution.update(value);
      context.timerService().registerEventTimeTimer(value.resolvedAtMillis() + WAIT_MS);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<Example> out) {
    request.clear();
    resolution.clear();
  }

  private static void emit(
      PredictionRequest request, Resolution resolution, Collector<Example> out) {
    out.collect(
        new Example(
            request.tenantId(),
            request.target(),
            request.subjectId(),
            request.requestedAtMillis(),
            request.features(),
            resolution.succeeded()));
  }
}
