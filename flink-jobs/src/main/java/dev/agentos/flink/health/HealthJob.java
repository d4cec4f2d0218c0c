package dev.agentos.flink.health;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.events.derived.ProjectHealthReported;
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
 * The project health job: verifications and executions, with the error patterns and anomalies the
 * other learning jobs derive, scored per tenant and project at each event-time period's end over a
 * trailing window, reported as {@code ProjectHealthReported} to {@code agentos.derived.health.v1}.
 * Inputs that arrive after the watermark, beyond the allowed lateness, are dead-lettered.
 */
public final class HealthJob {

  public static final String NAME = "project-health";

  private HealthJob() {}

  /**
   * Adds the job's pipeline to {@code env}.
   *
   * @param outOfOrderness what the sources allow, named in the dead letters of late inputs
   */
  public static void define(
      StreamExecutionEnvironment env, JobIo io, HealthSettings settings, Duration outOfOrderness) {
    DataStream<HealthInput> inputs =
        io.read(
            env,
            "health-inputs",
            List.of(Topics.EXECUTIONS, Topics.PATTERNS, Topics.ANOMALIES),
            new HealthInputs(),
            TypeInformation.of(HealthInput.class));
    SingleOutputStreamOperator<ProjectHealthReported> reports =
        inputs
            .keyBy(HealthInput::projectKey)
            .process(new ProjectHealthScorer(settings))
            .returns(new AvroTypeInfo<>(ProjectHealthReported.class))
            .name(NAME + ": score")
            .uid(NAME + "-score");
    io.write(reports, Topics.HEALTH, "health");
    io.deadLetter(
        reports
            .getSideOutput(ProjectHealthScorer.LATE)
            .map(new LateToDeadLetter<HealthInput>(NAME, outOfOrderness))
            .returns(new AvroTypeInfo<>(RecordDeadLettered.class))
            .name(NAME + ": late inputs")
            .uid(NAME + "-late"),
        "late-inputs");
  }
}
