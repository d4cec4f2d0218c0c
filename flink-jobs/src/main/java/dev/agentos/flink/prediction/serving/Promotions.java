package dev.agentos.flink.prediction.serving;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.ModelPromoted;
import dev.agentos.events.derived.ModelTrained;
import dev.agentos.flink.io.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decides a promotion against the models topic's history, by the rule the predictions job serves by
 * ({@link ServingVersions}): only a version trained for that tenant and model can be promoted, and
 * promoting the champion again is refused, so every promotion event changes what serves.
 */
public final class Promotions {

  private Promotions() {}

  /**
   * The event that makes {@code version} the champion.
   *
   * @throws IllegalArgumentException naming what is wrong, when it cannot be promoted
   */
  public static ModelPromoted promote(
      List<SpecificRecord> history,
      String tenantId,
      String modelName,
      String version,
      String reason,
      Instant now) {
    ServingVersions serving = new ServingVersions();
    boolean trained = false;
    SourcePosition unread = new SourcePosition("", 0, 0);
    for (SpecificRecord event : history) {
      for (ModelChange change : ModelChange.of(event, unread)) {
        if (change.tenantId().equals(tenantId) && change.modelName().equals(modelName)) {
          serving.apply(change);
          trained |= !change.promoted() && change.version().equals(version);
        }
      }
    }
    if (!trained) {
      List<String> known =
          history.stream()
              .filter(ModelTrained.class::isInstance)
              .map(ModelTrained.class::cast)
              .filter(t -> t.getHeader().getTenantId().equals(tenantId))
              .filter(t -> t.getModelName().equals(modelName))
              .map(ModelTrained::getModelVersion)
              .toList();
      throw new IllegalArgumentException(
          "tenant "
              + tenantId
              + " has no version "
              + version
              + " of model "
              + modelName
              + (known.isEmpty() ? " (it has none: run ./agentos retrain)" : "; it has " + known));
    }
    ModelChange champion = serving.champion();
    String previous = champion == null ? null : champion.version();
    if (version.equals(previous)) {
      if (serving.promoted != null) {
        throw new IllegalArgumentException(version + " is already the champion of " + modelName);
      }
      previous = null; // pinning the newest version, which served by default: it replaces none
    }
    String id =
        UUID.nameUUIDFromBytes(
                ("promotion/"
                        + tenantId
                        + "/"
                        + modelName
                        + "/"
                        + version
                        + "/"
                        + now.toEpochMilli())
                    .getBytes(StandardCharsets.UTF_8))
            .toString();
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(id)
            .setOccurredAt(now)
            .setTenantId(tenantId)
            .setProjectId(TrackPerformance.ALL_PROJECTS)
            .setAgentId("operator")
            .setSource("cli:promote")
            .build();
    return ModelPromoted.newBuilder()
        .setHeader(header)
        .setModelName(modelName)
        .setModelVersion(version)
        .setPreviousVersion(previous)
        .setReason(reason)
        .build();
  }
}
