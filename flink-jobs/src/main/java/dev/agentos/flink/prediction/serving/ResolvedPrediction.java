package dev.agentos.flink.prediction.serving;

import dev.agentos.events.derived.ModelRole;

/**
 * A prediction whose subject's outcome is known. Flink serializes it as a POJO.
 *
 * @param tenantId the model's tenant
 * @param modelName the model
 * @param modelVersion the version that predicted
 * @param role the role it predicted in
 * @param probability what it predicted
 * @param succeeded what happened
 * @param resolvedAtMillis event time of the outcome
 */
public record ResolvedPrediction(
    String tenantId,
    String modelName,
    String modelVersion,
    ModelRole role,
    float probability,
    boolean succeeded,
    long resolvedAtMillis) {

  /** {@code tenant/model/version}: one version's predictions are tallied together. */
  public String versionKey() {
    return ModelChange.modelKey(tenantId, modelName) + "/" + modelVersion;
  }
}
