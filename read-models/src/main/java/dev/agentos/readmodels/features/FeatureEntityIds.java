package dev.agentos.readmodels.features;

import dev.agentos.events.derived.FeatureEntity;

/**
 * The {@code entityId} of a feature vector, built as the features job builds it: {@code
 * tenant/project}, then {@code /agent} for an AGENT or {@code /session} for a SESSION, each part
 * with {@code %} and {@code /} escaped as {@code %25} and {@code %2F}, so no id containing a slash
 * can pass for another entity's. The query side asks by agent or session id within the caller's
 * scope and never takes an entity id from a request.
 */
public final class FeatureEntityIds {

  private FeatureEntityIds() {}

  /**
   * @param id the agent or session id; ignored for a PROJECT, which is the project itself
   */
  public static String of(FeatureEntity type, String tenantId, String projectId, String id) {
    String scope = escaped(tenantId) + "/" + escaped(projectId);
    return switch (type) {
      case AGENT, SESSION -> scope + "/" + escaped(id);
      case PROJECT -> scope;
      default -> throw new IllegalArgumentException("no feature vectors of " + type + " entities");
    };
  }

  private static String escaped(String part) {
    return part.replace("%", "%25").replace("/", "%2F");
  }
}
