package dev.agentos.projections.models;

import dev.agentos.readmodels.models.LivePerformance;
import dev.agentos.readmodels.models.ModelPromotion;
import dev.agentos.readmodels.models.ModelVersion;

/**
 * What the models projection writes of an event on the models topic, each keyed by the tenant and
 * model name it is of.
 */
public sealed interface ModelWrite {

  String tenantId();

  String modelName();

  /** A trained version's row. */
  record Trained(String tenantId, String modelName, ModelVersion version) implements ModelWrite {}

  /** A promotion's row. */
  record Promoted(String tenantId, String modelName, ModelPromotion promotion)
      implements ModelWrite {}

  /** A version's live performance: its row's live cells, written as of the report's time. */
  record Scored(String tenantId, String modelName, String modelVersion, LivePerformance live)
      implements ModelWrite {}
}
