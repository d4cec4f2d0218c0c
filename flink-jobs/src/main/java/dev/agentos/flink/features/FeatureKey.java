package dev.agentos.flink.features;

import dev.agentos.events.derived.FeatureEntity;
import java.util.Objects;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The entity a feature window is about. Only strings, so its hash code is the same in every JVM (an
 * enum's is not, and Flink routes a key to its subtask by its hash code).
 *
 * @param entityType a {@link FeatureEntity} name: AGENT, SESSION or PROJECT
 * @param tenantId tenant of the entity; every id below is scoped by it
 * @param projectId project of the entity
 * @param agentId the agent, for AGENT entities only
 * @param sessionId the session, for SESSION entities only
 */
public record FeatureKey(
    String entityType, String tenantId, String projectId, String agentId, String sessionId) {

  /** The agent of an activity, within its tenant and project. */
  public static final KeySelector<Activity, FeatureKey> AGENT =
      a ->
          new FeatureKey(
              FeatureEntity.AGENT.name(), a.tenantId(), a.projectId(), a.agentId(), null);

  /** The session of an activity (one that has a session), within its tenant and project. */
  public static final KeySelector<Activity, FeatureKey> SESSION =
      a ->
          new FeatureKey(
              FeatureEntity.SESSION.name(), a.tenantId(), a.projectId(), null, a.sessionId());

  /** The project of an activity, within its tenant. */
  public static final KeySelector<Activity, FeatureKey> PROJECT =
      a -> new FeatureKey(FeatureEntity.PROJECT.name(), a.tenantId(), a.projectId(), null, null);

  public FeatureEntity entity() {
    return FeatureEntity.valueOf(entityType);
  }

  /**
   * {@code tenant/project}, then {@code /agent} or {@code /session}: tenant-scoped, so equal
   * session ids of two tenants are two entities. Each part has {@code %} and {@code /} escaped as
   * {@code %25} and {@code %2F}, so no id containing a slash can pass for another entity's.
   */
  public String entityId() {
    String scope = escaped(tenantId) + "/" + escaped(projectId);
    return switch (entity()) {
      case AGENT -> scope + "/" + escaped(agentId);
      case SESSION -> scope + "/" + escaped(sessionId);
      default -> scope;
    };
  }

  /**
   * Spelled out because Flink assigns a key to its key group by this hash, which must not change
   * between the run that wrote a savepoint and the one restoring it: a record's implicit hash code
   * is left unspecified and may change with the JDK; {@code Objects.hash} is specified.
   */
  @Override
  public int hashCode() {
    return Objects.hash(entityType, tenantId, projectId, agentId, sessionId);
  }

  private static String escaped(String part) {
    return part.replace("%", "%25").replace("/", "%2F");
  }
}
