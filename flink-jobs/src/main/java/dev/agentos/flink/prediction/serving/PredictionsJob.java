package dev.agentos.flink.prediction.serving;

import dev.agentos.events.derived.ModelPerformanceReported;
import dev.agentos.events.derived.PredictionMade;
import dev.agentos.flink.features.Activity;
import dev.agentos.flink.io.JobIo;
import dev.agentos.flink.prediction.PredictionRequest;
import dev.agentos.flink.prediction.Resolution;
import dev.agentos.flink.prediction.TrainingExamples;
import dev.agentos.flink.prediction.model.TrainedModel;
import dev.agentos.schemas.topics.Topic;
import dev.agentos.schemas.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The predictions job: every execution request and suggestion proposal, described as it arrives,
 * scored by its tenant's champion and challenger and written to {@code
 * agentos.derived.predictions.v1}; each prediction is held until its outcome, and each serving
 * version's live record is written to {@code agentos.derived.models.v1}. Which versions serve is
 * read from that same topic (trainings and promotions).
 */
public final class PredictionsJob {

  public static final String NAME = "predictions";

  /** The models topic carries several event types; this job writes only performance reports. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Topic<String, ModelPerformanceReported> PERFORMANCE = (Topic) Topics.MODELS;

  private PredictionsJob() {}

  /**
   * Loads a version's XGBoost artifact for serving. The booster stays loaded while the job runs: a
   * tenant has a champion and a challenger per model, so a job holds a handful.
   */
  public static ModelScorer loadArtifact(String artifactUri, String artifactSha256)
      throws IOException {
    return TrainedModel.load(URI.create(artifactUri), artifactSha256)::predict;
  }

  public static void define(StreamExecutionEnvironment env, JobIo io, ModelScorer.Loader loader) {
    DataStream<Activity> activities = TrainingExamples.activities(env, io);
    DataStream<PredictionRequest> requests = TrainingExamples.describe(activities, false, NAME);
    DataStream<ModelChange> changes =
        io.read(
            env,
            "models",
            List.of(Topics.MODELS),
            ModelChange::of,
            TypeInformation.of(ModelChange.class));
    DataStream<ScoredPrediction> scored =
        requests
            .keyBy(PredictionRequest::subjectKey)
            .connect(changes.broadcast(ScoreRequests.SERVING))
            .process(new ScoreRequests(loader))
            .returns(TypeInformation.of(ScoredPrediction.class))
            .name(NAME + ": score by champion and challenger")
            .uid(NAME + "-score");
    DataStream<PredictionMade> predictions =
        scored
            .map(new ToPredictionMade())
            .returns(new AvroTypeInfo<>(PredictionMade.class))
            .name(NAME + ": prediction events")
            .uid(NAME + "-events");
    io.write(predictions, Topics.PREDICTIONS, "predictions");

    DataStream<Resolution> outcomes = TrainingExamples.resolutions(activities, NAME);
    DataStream<ModelPerformanceReported> performance =
        scored
            .keyBy(prediction -> prediction.request().subjectKey())
            .connect(outcomes.keyBy(Resolution::subjectKey))
            .process(new ResolvePredictions())
            .returns(TypeInformation.of(ResolvedPrediction.class))
            .name(NAME + ": hold predictions until their outcome")
            .uid(NAME + "-resolve")
            .keyBy(ResolvedPrediction::versionKey)
            .process(new TrackPerformance())
            .returns(new AvroTypeInfo<>(ModelPerformanceReported.class))
            .name(NAME + ": live performance per version")
            .uid(NAME + "-performance");
    io.write(performance, PERFORMANCE, "performance");
  }
}
