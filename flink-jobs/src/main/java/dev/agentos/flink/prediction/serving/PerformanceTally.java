package dev.agentos.flink.prediction.serving;

import dev.agentos.events.derived.ModelRole;

/** One serving version's record against the outcomes so far. A Flink POJO. */
public class PerformanceTally {

  /**
   * Probabilities are clipped this far from 0 and 1, so one confident miss costs a bounded loss.
   */
  static final double EPSILON = 1e-6;

  public String tenantId;
  public String modelName;
  public String modelVersion;
  public ModelRole role;
  public long resolved;
  public long correct;
  public double logLossSum;
  public double brierSum;
  public long asOf;
  public boolean unreported;

  public PerformanceTally() {}

  static PerformanceTally of(ResolvedPrediction first) {
    PerformanceTally tally = new PerformanceTally();
    tally.tenantId = first.tenantId();
    tally.modelName = first.modelName();
    tally.modelVersion = first.modelVersion();
    return tally;
  }

  void count(ResolvedPrediction prediction) {
    double p = Math.min(1 - EPSILON, Math.max(EPSILON, prediction.probability()));
    double y = prediction.succeeded() ? 1 : 0;
    resolved++;
    if ((p >= 0.5) == prediction.succeeded()) {
      correct++;
    }
    logLossSum += -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
    brierSum += (p - y) * (p - y);
    role = prediction.role();
    asOf = Math.max(asOf, prediction.resolvedAtMillis());
    unreported = true;
  }
}
