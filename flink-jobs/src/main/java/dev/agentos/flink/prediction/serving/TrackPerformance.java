package dev.agentos.flink.prediction.serving;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.ModelPerformanceReported;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Tallies one serving version's resolved predictions (the key is its version key) and reports its
 * live accuracy, log loss and Brier score at the end of each event-time minute in which outcomes
 * came, so a busy model reports once a minute, not once per outcome. The report's id comes from the
 * version and the count, so a replay repeats it.
 */
public final class TrackPerformance
    extends KeyedProcessFunction<String, ResolvedPrediction, ModelPerformanceReported> {

  private static final long serialVersionUID = 1L;
  static final long MINUTE = 60_000L;

  /** Models are the tenant's, not one project's: the header says so. */
  public static final String ALL_PROJECTS = "*";

  private transient ValueState<PerformanceTally> tally;

  @Override
  public void open(OpenContext context) {
    GeneratedAvroClasses.trust();
    tally =
        getRuntimeContext().getState(new ValueStateDescriptor<>("tally", PerformanceTally.class));
  }

  @Override
  public void processElement(
      ResolvedPrediction prediction, Context context, Collector<ModelPerformanceReported> out)
      throws Exception {
    PerformanceTally current = tally.value();
    if (current == null) {
      current = PerformanceTally.of(prediction);
    }
    current.count(prediction);
    tally.update(current);
    long minuteEnd = Math.floorDiv(prediction.resolvedAtMillis(), MINUTE) * MINUTE + MINUTE - 1;
    context.timerService().registerEventTimeTimer(minuteEnd);
  }

  @Override
  public void onTimer(
      long timestamp, OnTimerContext context, Collector<ModelPerformanceReported> out)
      throws Exception {
    PerformanceTally current = tally.value();
    if (current == null || !current.unreported) {
      return;
    }
    current.unreported = false;
    tally.update(current);
    out.collect(report(context.getCurrentKey(), current));
  }

  static ModelPerformanceReported report(String versionKey, PerformanceTally tally) {
    String id =
        UUID.nameUUIDFromBytes(
                ("performance/" + versionKey + "/" + tally.resolved)
                    .getBytes(StandardCharsets.UTF_8))
            .toString();
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(id)
            .setOccurredAt(Instant.ofEpochMilli(tally.asOf))
            .setTenantId(tally.tenantId)
            .setProjectId(ALL_PROJECTS)
            .setAgentId(ToPredictionMade.SOURCE)
            .setSource(ToPredictionMade.SOURCE)
            .build();
    return ModelPerformanceReported.newBuilder()
        .setHeader(header)
        .setModelName(tally.modelName)
        .setModelVersion(tally.modelVersion)
        .setRole(tally.role)
        .setResolved(tally.resolved)
        .setCorrect(tally.correct)
        .setLogLoss(tally.logLossSum / tally.resolved)
        .setBrierScore(tally.brierSum / tally.resolved)
        .setAsOf(Instant.ofEpochMilli(tally.asOf))
        .build();
  }
}
