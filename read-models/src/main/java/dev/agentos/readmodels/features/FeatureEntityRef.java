package dev.agentos.readmodels.features;

import dev.agentos.events.derived.FeatureEntity;
import java.util.Objects;

/**
 * The entity of one tenant's project whose feature vectors are read.
 *
 * @param id the agent or session id; the project id for a PROJECT
 */
public record FeatureEntityRef(String tenantId, String projectId, FeatureEntity type, String id) {

  public FeatureEntityRef {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }

  /** The entity id the features job wrote the entity's vectors under. */
  public String entityId() {
    return FeatureEntityIds.of(type, tenantId, projectId, id);
  }
}
