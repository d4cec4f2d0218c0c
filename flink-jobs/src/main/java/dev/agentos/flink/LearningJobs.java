package dev.agentos.flink;

import dev.agentos.flink.anomalies.AnomaliesJob;
import dev.agentos.flink.anomalies.functions.DetectAnomalies;
import dev.agentos.flink.features.FeatureWindowSettings;
import dev.agentos.flink.features.FeaturesJob;
import dev.agentos.flink.health.HealthJob;
import dev.agentos.flink.health.HealthSettings;
import dev.agentos.flink.io.JobIo;
import dev.agentos.flink.io.KafkaJobIo;
import dev.agentos.flink.io.KafkaSettings;
import dev.agentos.flink.patterns.ErrorPatternsJob;
import dev.agentos.flink.patterns.PatternSettings;
import dev.agentos.flink.patterns.success.SuccessPatternSettings;
import dev.agentos.flink.patterns.success.SuccessPatternsJob;
import dev.agentos.flink.prediction.serving.PredictionsJob;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The streaming learning jobs, by name: the one list the runners and the status read. */
public final class LearningJobs {

  /** Every streaming job, in the order a local run submits them. */
  public static final List<String> STREAMING =
      List.of(
          ErrorPatternsJob.NAME,
          SuccessPatternsJob.NAME,
          FeaturesJob.NAME,
          AnomaliesJob.NAME,
          HealthJob.NAME,
          PredictionsJob.NAME);

  private LearningJobs() {}

  /** Adds job {@code name}'s pipeline, reading and writing Kafka, to {@code env}. */
  public static void define(String name, StreamExecutionEnvironment env, KafkaSettings kafka) {
    define(name, env, kafka, new KafkaJobIo(name, kafka));
  }

  /**
   * Adds job {@code name}'s pipeline, reading and writing through {@code io}, to {@code env};
   * {@code kafka} gives its time bounds.
   */
  public static void define(
      String name, StreamExecutionEnvironment env, KafkaSettings kafka, JobIo io) {
    switch (name) {
      case ErrorPatternsJob.NAME ->
          ErrorPatternsJob.define(env, io, PatternSettings.defaults(), kafka.outOfOrderness());
      case SuccessPatternsJob.NAME ->
          SuccessPatternsJob.define(
              env, io, SuccessPatternSettings.defaults(), kafka.outOfOrderness());
      case FeaturesJob.NAME ->
          FeaturesJob.define(env, io, FeatureWindowSettings.defaults(), kafka.outOfOrderness());
      case AnomaliesJob.NAME ->
          AnomaliesJob.define(env, io, new DetectAnomalies(), kafka.outOfOrderness());
      case PredictionsJob.NAME -> PredictionsJob.define(env, io, PredictionsJob::loadArtifact);
      case HealthJob.NAME ->
          HealthJob.define(env, io, HealthSettings.defaults(), kafka.outOfOrderness());
      default ->
          throw new IllegalArgumentException(
              "unknown learning job '" + name + "': one of " + String.join(", ", STREAMING));
    }
  }
}
