package dev.agentos.flink.prediction;

import dev.agentos.flink.features.Activities;
import dev.agentos.flink.features.Activity;
import dev.agentos.flink.io.JobIo;
import dev.agentos.schemas.topics.Topics;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The training examples of the history {@code io} reads: every execution request and suggestion
 * proposal described as it was known at the time ({@link RequestContexts} in event-time order),
 * labelled by the outcome that followed ({@link LabelRequests}). Run bounded by retraining.
 */
public final class TrainingExamples {

  public static final String NAME = "training-examples";

  private TrainingExamples() {}

  public static DataStream<Example> define(StreamExecutionEnvironment env, JobIo io) {
    DataStream<Activity> activities = activities(env, io);
    DataStream<PredictionRequest> requests = describe(activities, true, NAME);
    return requests
        .keyBy(PredictionRequest::subjectKey)
        .connect(resolutions(activities, NAME).keyBy(Resolution::subjectKey))
        .process(new LabelRequests())
        .returns(TypeInformation.of(Example.class))
        .name(NAME + ": label requests by their outcome")
        .uid(NAME + "-label");
  }

  /** The agents' interactions and executions, as the request descriptions read them. */
  public static DataStream<Activity> activities(StreamExecutionEnvironment env, JobIo io) {
    return io.read(
        env,
        "activities",
        List.of(Topics.INTERACTIONS, Topics.EXECUTIONS),
        Activities::of,
        TypeInformation.of(Activity.class));
  }

  /** The requests among {@code activities}, described by their agent's history. */
  public static DataStream<PredictionRequest> describe(
      DataStream<Activity> activities, boolean inEventTimeOrder, String job) {
    return activities
        .keyBy(RequestContexts::agentKey)
        .process(new RequestContexts(inEventTimeOrder))
        .returns(TypeInformation.of(PredictionRequest.class))
        .name(job + ": describe requests by their agent's history")
        .uid(job + "-describe");
  }

  /** The outcomes among {@code activities}. */
  public static DataStream<Resolution> resolutions(DataStream<Activity> activities, String job) {
    return activities
        .flatMap(
            (Activity activity, org.apache.flink.util.Collector<Resolution> out) ->
                Resolution.of(activity).forEach(out::collect))
        .returns(TypeInformation.of(Resolution.class))
        .name(job + ": outcomes")
        .uid(job + "-outcomes");
  }
}
