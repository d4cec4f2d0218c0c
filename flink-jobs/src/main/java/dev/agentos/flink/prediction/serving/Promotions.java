package dev.agentos.flink.prediction.serving;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.ModelPromoted;
import dev.agentos.events.derived.ModelTrained;
import dev.agentos.flink.io.SourcePosition;
import dev.agentos.flink.prediction.training.ModelTrainedEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decides a promotion against the models topic's history, by the rule the predictions job serves by
 * ({@link ServingVersions}): only a version trained for that tenant and model can be promoted,
 * promoting the champion again is refused, so every promotion event changes what serves, and so is
 * a version that does worse on its held-out slice than guessing the base rate (log loss not below
 * the baseline's), unless forced: such a model's probabilities mislead whoever reads them.
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
      boolean force,
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
    if (!force) {
      refuseWorseThanBaseRate(history, tenantId, modelName, version);
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

  private static void refuseWorseThanBaseRate(
      List<SpecificRecord> history, String tenantId, String modelName, String version) {
    for (SpecificRecord event : history) {
      if (event instanceof ModelTrained trained
          && trained.getHeader().getTenantId().equals(tenantId)
          && trained.getModelName().equals(modelName)
          && trained.getModelVersion().equals(version)) {
        Double logLoss = trained.getMetrics().get(ModelTrainedEvents.LOG_LOSS);
        Double baseline = trained.getMetrics().get(ModelTrainedEvents.BASELINE_LOG_LOSS);
        if (logLoss != null && baseline != null && logLoss >= baseline) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "%s of model %s does not beat guessing the base rate on its held-out slice (log"
                      + " loss %.3f, the base rate's %.3f): promote it with --force if you must",
                  version,
                  modelName,
                  logLoss,
                  baseline));
        }
      }
    }
  }
}
