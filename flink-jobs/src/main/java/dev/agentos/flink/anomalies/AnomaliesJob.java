package dev.agentos.flink.anomalies;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.flink.anomalies.functions.DetectAnomalies;
import dev.agentos.flink.io.EventMapper;
import dev.agentos.flink.io.JobIo;
import dev.agentos.flink.io.LateToDeadLetter;
import dev.agentos.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The anomaly job: every metric series judged by its own robust detector, anomalies written to
 * {@code agentos.derived.anomalies.v1}; samples that arrive after the watermark are dead-lettered.
 */
public final class AnomaliesJob {

  public static final String NAME = "anomalies";

  private static final EventMapper<MetricSample> SAMPLES =
      (event, position) ->
          event instanceof MetricRecorded metric
              ? List.of(MetricSamples.of(metric, position))
              : List.of();

  private AnomaliesJob() {}

  /** Adds the job's pipeline to {@code env}; {@code outOfOrderness} is named in late letters. */
  public static void define(
      StreamExecutionEnvironment env, JobIo io, DetectAnomalies detector, Duration outOfOrderness) {
    DataStream<MetricSample> samples =
        io.read(
            env,
            "metrics",
            List.of(Topics.METRICS),
            SAMPLES,
            TypeInformation.of(MetricSample.class));
    SingleOutputStreamOperator<AnomalyDetected> anomalies =
        samples
            .keyBy(MetricSample::seriesKey)
            .process(detector)
            .returns(new AvroTypeInfo<>(AnomalyDetected.class))
            .name(NAME + ": detect")
            .uid(NAME + "-detect");
    io.write(anomalies, Topics.ANOMALIES, "anomalies");
    io.deadLetter(
        anomalies
            .getSideOutput(DetectAnomalies.LATE)
            .map(new LateToDeadLetter<MetricSample>(NAME, outOfOrderness))
            .returns(new AvroTypeInfo<>(RecordDeadLettered.class))
            .name(NAME + ": late samples")
            .uid(NAME + "-late"),
        "late-samples");
  }
}
