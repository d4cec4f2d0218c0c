package dev.agentos.projections.models;

import dev.agentos.events.derived.ModelPerformanceReported;
import dev.agentos.events.derived.ModelPromoted;
import dev.agentos.events.derived.ModelTrained;
import dev.agentos.readmodels.models.CalibrationBin;
import dev.agentos.readmodels.models.LivePerformance;
import dev.agentos.readmodels.models.ModelPromotion;
import dev.agentos.readmodels.models.ModelVersion;
import dev.agentos.readmodels.models.ServingRole;

/**
 * The writes of the models topic's events, every one keyed by its header's tenant (models are the
 * tenant's, trained from all its projects: the header's projectId is "*" and not kept) and its
 * model name.
 */
public final class ModelRows {

  private ModelRows() {}

  public static ModelWrite of(ModelTrained e) {
    return new ModelWrite.Trained(
        e.getHeader().getTenantId(),
        e.getModelName(),
        new ModelVersion(
            e.getModelVersion(),
            // A role is the model's answer over all its versions, made when it is read.
            ServingRole.RETIRED,
            e.getAlgorithm(),
            e.getFeatureSetVersion(),
            e.getHeader().getOccurredAt(),
            e.getTrainedOn(),
            e.getEvaluatedOn(),
            e.getEvaluationStart(),
            e.getWindowStart(),
            e.getWindowEnd(),
            e.getMetrics(),
            e.getCalibration().stream()
                .map(
                    b ->
                        new CalibrationBin(
                            b.getLower(),
                            b.getUpper(),
                            b.getExamples(),
                            b.getMeanPredicted(),
                            b.getObservedRate()))
                .toList(),
            e.getFeatureNames(),
            e.getArtifactUri(),
            e.getArtifactSha256(),
            e.getHeader().getEventId(),
            null));
  }

  public static ModelWrite of(ModelPromoted e) {
    return new ModelWrite.Promoted(
        e.getHeader().getTenantId(),
        e.getModelName(),
        new ModelPromotion(
            e.getModelVersion(),
            e.getPreviousVersion(),
            e.getReason(),
            e.getHeader().getOccurredAt(),
            e.getHeader().getEventId()));
  }

  public static ModelWrite of(ModelPerformanceReported e) {
    return new ModelWrite.Scored(
        e.getHeader().getTenantId(),
        e.getModelName(),
        e.getModelVersion(),
        new LivePerformance(
            e.getRole().name(),
            e.getResolved(),
            e.getCorrect(),
            e.getLogLoss(),
            e.getBrierScore(),
            e.getAsOf()));
  }
}
