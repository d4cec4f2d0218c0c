package dev.agentos.client.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tenant's prediction model with its trained versions and promotions ({@code GET
 * /v1/models/{name}}).
 *
 * @param champion the version whose predictions answer, null before any training
 * @param challenger the version scored beside it, null when none
 * @param versions newest trained first
 */
public record Model(
    String tenantId, String modelName, String champion, String challenger, List<Version> versions) {

  /**
   * One trained version.
   *
   * @param role {@code CHAMPION}, {@code CHALLENGER} or {@code RETIRED}
   * @param trainedOn training examples (the earlier ones in event time)
   * @param evaluatedOn held-out examples (the latest ones) the metrics were computed on
   * @param metrics e.g. {@code auc}, {@code logLoss}, {@code baselineLogLoss}, {@code brier}
   */
  public record Version(
      String modelVersion,
      String role,
      String algorithm,
      Instant trainedAt,
      long trainedOn,
      long evaluatedOn,
      Map<String, Double> metrics) {}
}
