package dev.agentos.flink.features;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.flink.io.JobIo;
import dev.agentos.flink.io.LateToDeadLetter;
import dev.agentos.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The features job: agents' interactions and executions in, one feature vector per agent, session
 * and project and window out to {@code agentos.derived.features.v1}; activities that arrive after
 * the watermark are dead-lettered.
 */
public final class FeaturesJob {

  public static final String NAME = "features";

  private FeaturesJob() {}

  /** Adds the job's pipeline to {@code env}; {@code outOfOrderness} is named in late letters. */
  public static void define(
      StreamExecutionEnvironment env,
      JobIo io,
      FeatureWindowSettings settings,
      Duration outOfOrderness) {
    DataStream<Activity> activities =
        io.read(
            env,
            "activities",
            List.of(Topics.INTERACTIONS, Topics.EXECUTIONS),
            Activities::of,
            TypeInformation.of(Activity.class));
    FeatureStreams features = FeatureWindows.apply(activities, settings);
    io.write(features.vectors(), Topics.FEATURES, "features");
    io.deadLetter(
        features
            .late()
            .map(new LateToDeadLetter<Activity>(NAME, outOfOrderness))
            .returns(new AvroTypeInfo<>(RecordDeadLettered.class))
            .name(NAME + ": late activities")
            .uid(NAME + "-late"),
        "late-activities");
  }
}
