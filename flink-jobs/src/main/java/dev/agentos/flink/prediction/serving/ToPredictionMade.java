package dev.agentos.flink.prediction.serving;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.PredictionMade;
import dev.agentos.flink.prediction.PredictionRequest;
import dev.agentos.flink.prediction.RequestFeatures;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * The event of a prediction. Its id comes from the subject and the version that predicted, so a
 * restart or a replay that predicts again writes the same event, which every reader deduplicates.
 * The inputs are recorded by name, missing ones left out (Avro maps take no NaN worth keeping).
 */
public final class ToPredictionMade extends RichMapFunction<ScoredPrediction, PredictionMade> {

  private static final long serialVersionUID = 1L;
  static final String SOURCE = "flink:predictions";

  @Override
  public void open(OpenContext context) {
    GeneratedAvroClasses.trust(); // this task copies PredictionMade records on to the sink
  }

  @Override
  public PredictionMade map(ScoredPrediction scored) {
    PredictionRequest request = scored.request();
    String id = predictionId(request, scored.modelVersion());
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(id)
            .setOccurredAt(Instant.ofEpochMilli(request.requestedAtMillis()))
            .setTenantId(request.tenantId())
            .setProjectId(request.projectId())
            .setAgentId(request.agentId())
            .setSessionId(request.sessionId())
            .setSource(SOURCE)
            .build();
    return PredictionMade.newBuilder()
        .setHeader(header)
        .setPredictionId(id)
        .setExecutionId(request.executionId())
        .setSuggestionId(request.suggestionId())
        .setSuccessProbability(scored.probability())
        .setModelName(scored.modelName())
        .setModelVersion(scored.modelVersion())
        .setFeatureSetVersion(scored.featureSetVersion())
        .setRole(scored.role())
        .setFeatures(named(request.features()))
        .build();
  }

  static String predictionId(PredictionRequest request, String modelVersion) {
    String name = "prediction/" + request.subjectKey() + "/" + modelVersion;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static Map<String, Double> named(double[] features) {
    Map<String, Double> named = new LinkedHashMap<>();
    for (int i = 0; i < features.length; i++) {
      if (!Double.isNaN(features[i])) {
        named.put(RequestFeatures.NAMES.get(i), features[i]);
      }
    }
    return named;
  }
}
