package dev.agentos.query.features;

import dev.agentos.auth.Caller;
import dev.agentos.events.derived.FeatureEntity;
import dev.agentos.query.web.InvalidQueryException;
import dev.agentos.query.web.ProjectScope;
import dev.agentos.readmodels.features.FeatureEntityRef;
import java.util.Locale;

/**
 * The entity a features request is about, within the caller's scope: the key's tenant and the
 * project asked for (else the key's), and an agent or session id in it; a PROJECT is that project,
 * or the one {@code entityId} names, which the key must be allowed to read like any {@code
 * projectId}. The entity id the features job wrote is built from these ({@link FeatureEntityRef}),
 * never taken from the request, so no id can reach outside the scope.
 */
final class FeatureEntityParameters {

  private FeatureEntityParameters() {}

  static FeatureEntityRef entity(
      Caller caller, String entityType, String entityId, String projectId) {
    FeatureEntity type = type(entityType);
    String id = ProjectScope.blankToNull(entityId);
    if (type == FeatureEntity.PROJECT) {
      String requested = ProjectScope.blankToNull(projectId);
      if (id != null && requested != null && !id.equals(requested)) {
        throw new InvalidQueryException(
            "entityId", "a PROJECT's entityId is its projectId; they differ");
      }
      String project = ProjectScope.project(caller, id != null ? id : requested);
      return new FeatureEntityRef(caller.tenantId(), project, type, project);
    }
    if (id == null) {
      throw new InvalidQueryException(
          "entityId", "give the " + type.name().toLowerCase(Locale.ROOT) + "'s id");
    }
    return new FeatureEntityRef(
        caller.tenantId(), ProjectScope.project(caller, projectId), type, id);
  }

  /** A window label as the features job writes them, e.g. {@code 1h}; null for any. */
  static String window(String window, boolean required) {
    String label = ProjectScope.blankToNull(window);
    if (label == null && required) {
      throw new InvalidQueryException("window", "give the window, e.g. 1h or 24h");
    }
    return label;
  }

  private static FeatureEntity type(String entityType) {
    String type = ProjectScope.blankToNull(entityType);
    if (type == null) {
      throw new InvalidQueryException("entityType", "give AGENT, SESSION or PROJECT");
    }
    return switch (type.toUpperCase(Locale.ROOT)) {
      case "AGENT" -> FeatureEntity.AGENT;
      case "SESSION" -> FeatureEntity.SESSION;
      case "PROJECT" -> FeatureEntity.PROJECT;
      default ->
          throw new InvalidQueryException(
              "entityType", "unknown entity type \"" + type + "\"; AGENT, SESSION or PROJECT");
    };
  }
}
