package dev.agentos.flink.prediction.serving;

import dev.agentos.events.derived.ModelPromoted;
import dev.agentos.events.derived.ModelTrained;
import dev.agentos.flink.io.FromSource;
import dev.agentos.flink.io.SourcePosition;
import java.util.List;

/**
 * A change to what serves a model, read from the models topic: a version was trained, or promoted
 * to champion. Flat, so it travels between operators and sits in broadcast state as a POJO.
 *
 * @param position where it was read
 * @param eventTimeMillis when it happened
 * @param tenantId the model's tenant
 * @param modelName the model
 * @param version the version trained or promoted
 * @param promoted whether this is a promotion, else a training
 * @param artifactUri a trained version's artifact ("" for a promotion)
 * @param artifactSha256 that artifact's checksum
 * @param featureSetVersion the feature definitions a trained version takes
 * @param featureNames a trained version's inputs, in its order
 */
public record ModelChange(
    SourcePosition position,
    long eventTimeMillis,
    String tenantId,
    String modelName,
    String version,
    boolean promoted,
    String artifactUri,
    String artifactSha256,
    String featureSetVersion,
    List<String> featureNames)
    implements FromSource {

  /** The change {@code event} makes; none for a performance report (this job's own output). */
  public static List<ModelChange> of(Object event, SourcePosition position) {
    if (event instanceof ModelTrained trained) {
      return List.of(
          new ModelChange(
              position,
              trained.getHeader().getOccurredAt().toEpochMilli(),
              trained.getHeader().getTenantId(),
              trained.getModelName(),
              trained.getModelVersion(),
              false,
              trained.getArtifactUri(),
              trained.getArtifactSha256(),
              trained.getFeatureSetVersion(),
              List.copyOf(trained.getFeatureNames())));
    }
    if (event instanceof ModelPromoted promotion) {
      return List.of(
          new ModelChange(
              position,
              promotion.getHeader().getOccurredAt().toEpochMilli(),
              promotion.getHeader().getTenantId(),
              promotion.getModelName(),
              promotion.getModelVersion(),
              true,
              "",
              "",
              "",
              List.of()));
    }
    return List.of();
  }

  /** {@code tenantId/modelName}: the broadcast state's key. */
  public String modelKey() {
    return modelKey(tenantId, modelName);
  }

  static String modelKey(String tenantId, String modelName) {
    return tenantId + "/" + modelName;
  }
}
