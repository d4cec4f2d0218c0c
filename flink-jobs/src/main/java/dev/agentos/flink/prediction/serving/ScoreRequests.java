package dev.agentos.flink.prediction.serving;

import dev.agentos.events.derived.ModelRole;
import dev.agentos.flink.prediction.PredictionRequest;
import dev.agentos.flink.prediction.RequestFeatures;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores each request with its tenant's champion of the request's model and, when there is one, the
 * challenger beside it. Which versions serve comes from the models topic, broadcast to every
 * instance ({@link ServingVersions}); artifacts are loaded on first use and kept. A request whose
 * tenant has no model yet is not predicted; a version whose artifact cannot be loaded, or whose
 * inputs this job does not compute, predicts nothing and is logged once, so one bad artifact stalls
 * no tenant.
 */
public final class ScoreRequests
    extends KeyedBroadcastProcessFunction<
        String, PredictionRequest, ModelChange, ScoredPrediction> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ScoreRequests.class);

  public static final MapStateDescriptor<String, ServingVersions> SERVING =
      new MapStateDescriptor<>(
          "serving-versions", Types.STRING, TypeInformation.of(ServingVersions.class));

  private final ModelScorer.Loader loader;
  private transient Map<String, ModelScorer> loaded;

  public ScoreRequests(ModelScorer.Loader loader) {
    this.loader = loader;
  }

  @Override
  public void processElement(
      PredictionRequest request, ReadOnlyContext context, Collector<ScoredPrediction> out)
      throws Exception {
    ReadOnlyBroadcastState<String, ServingVersions> serving = context.getBroadcastState(SERVING);
    String modelName = request.target().modelName();
    ServingVersions versions = serving.get(ModelChange.modelKey(request.tenantId(), modelName));
    if (versions == null) {
      return;
    }
    score(request, versions.champion(), ModelRole.CHAMPION, out);
    score(request, versions.challenger(), ModelRole.CHALLENGER, out);
  }

  @Override
  public void processBroadcastElement(
      ModelChange change, Context context, Collector<ScoredPrediction> out) throws Exception {
    BroadcastState<String, ServingVersions> serving = context.getBroadcastState(SERVING);
    ServingVersions versions = serving.get(change.modelKey());
    if (versions == null) {
      versions = new ServingVersions();
    }
    versions.apply(change);
    serving.put(change.modelKey(), versions);
  }

  private void score(
      PredictionRequest request,
      ModelChange version,
      ModelRole role,
      Collector<ScoredPrediction> out) {
    if (version == null) {
      return;
    }
    ModelScorer scorer = scorerOf(version);
    if (scorer == null) {
      return;
    }
    float probability = scorer.predict(inputsOf(version.featureNames(), request.features()));
    out.collect(
        new ScoredPrediction(
            request,
            version.modelName(),
            version.version(),
            version.featureSetVersion(),
            role,
            probability));
  }

  /** The loaded version, or null (logged once) when it cannot serve. */
  private ModelScorer scorerOf(ModelChange version) {
    if (loaded == null) {
      loaded = new HashMap<>();
    }
    String key = version.modelKey() + "@" + version.version();
    if (loaded.containsKey(key)) {
      return loaded.get(key);
    }
    ModelScorer scorer = null;
    List<String> unknown =
        version.featureNames().stream().filter(n -> !RequestFeatures.NAMES.contains(n)).toList();
    if (!unknown.isEmpty()) {
      LOG.warn("{} takes inputs this job does not compute, {}: not serving it", key, unknown);
    } else {
      try {
        scorer = loader.load(version.artifactUri(), version.artifactSha256());
      } catch (IOException | RuntimeException e) {
        LOG.warn(
            "{}: its artifact {} cannot be loaded, not serving it", key, version.artifactUri(), e);
      }
    }
    loaded.put(key, scorer);
    return scorer;
  }

  /** The request's values in the order the version takes them. */
  static double[] inputsOf(List<String> featureNames, double[] features) {
    double[] inputs = new double[featureNames.size()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = features[RequestFeatures.indexOf(featureNames.get(i))];
    }
    return inputs;
  }
}
