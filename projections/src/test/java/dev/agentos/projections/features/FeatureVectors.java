package dev.agentos.projections.features;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.FeatureEntity;
import dev.agentos.events.derived.FeatureVectorComputed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Feature vectors as the features job builds them (flink-jobs' ToFeatureVector): the entity id
 * {@code tenant/project[/agent|/session]}, every feature name ending in the window's label, the
 * event id derived from entity, window and end.
 */
final class FeatureVectors {

  private FeatureVectors() {}

  static FeatureVectorComputed agent(
      String tenant, String project, String agent, String window, Instant asOf, double... values) {
    return vector(
        FeatureEntity.AGENT,
        tenant,
        project,
        agent,
        tenant + "/" + project + "/" + agent,
        window,
        asOf,
        values);
  }

  /**
   * A vector of {@code execution.count} and {@code execution.success.rate}, then {@code
   * tool.call.count}, as many as values are given.
   */
  static FeatureVectorComputed vector(
      FeatureEntity entity,
      String tenant,
      String project,
      String agent,
      String entityId,
      String window,
      Instant asOf,
      double... values) {
    List<String> names =
        List.of("execution.count", "execution.success.rate", "tool.call.count")
            .subList(0, values.length)
            .stream()
            .map(name -> name + "." + window)
            .toList();
    String id = entity + "|" + entityId + "|" + window + "|" + asOf.toEpochMilli();
    return FeatureVectorComputed.newBuilder()
        .setHeader(
            EventHeader.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString())
                .setOccurredAt(asOf)
                .setTenantId(tenant)
                .setProjectId(project)
                .setAgentId(agent)
                .setSessionId(null)
                .setSource("flink:features")
                .build())
        .setEntityType(entity)
        .setEntityId(entityId)
        .setFeatureSetVersion("v1")
        .setWindow(window)
        .setFeatureNames(names)
        .setFeatureValues(java.util.Arrays.stream(values).boxed().toList())
        .setAsOf(asOf)
        .build();
  }
}
