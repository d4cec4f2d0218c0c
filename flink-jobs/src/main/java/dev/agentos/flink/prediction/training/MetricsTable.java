package dev.agentos.flink.prediction.training;

import dev.agentos.events.derived.ModelTrained;
import java.util.List;
import java.util.Locale;

/**
 * The retraining's results as a table, one row per model: the held-out metrics of a trained one
 * (AUC, log loss beside the base-rate baseline it must beat, Brier, base rate) and its version, or
 * why it was refused.
 */
public final class MetricsTable {

  private static final String COLUMNS = " %-24s %7s %6s %6s %8s %8s %6s %6s  %s%n";

  private MetricsTable() {}

  public static String of(List<Retraining.Result> results) {
    int tenantWidth =
        Math.max(
            "TENANT".length(),
            results.stream().mapToInt(r -> r.outcome().tenantId().length()).max().orElse(0));
    String row = "%-" + tenantWidth + "s" + COLUMNS;
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            row,
            "TENANT",
            "MODEL",
            "TRAINED",
            "HELD",
            "AUC",
            "LOGLOSS",
            "BASELINE",
            "BRIER",
            "BASE",
            "VERSION"));
    for (Retraining.Result result : results) {
      TrainingOutcome outcome = result.outcome();
      String tenant = outcome.tenantId();
      String model = outcome.target().modelName();
      if (outcome instanceof TrainingOutcome.Refused refused) {
        table.append(
            String.format(
                Locale.ROOT,
                "%-" + tenantWidth + "s %-24s refused: %s%n",
                tenant,
                model,
                refused.reason()));
        continue;
      }
      ModelTrained event = result.event();
      table.append(
          String.format(
              Locale.ROOT,
              row,
              tenant,
              model,
              event.getTrainedOn(),
              event.getEvaluatedOn(),
              metric(event, ModelTrainedEvents.AUC),
              metric(event, ModelTrainedEvents.LOG_LOSS),
              metric(event, ModelTrainedEvents.BASELINE_LOG_LOSS),
              metric(event, ModelTrainedEvents.BRIER),
              metric(event, ModelTrainedEvents.BASE_RATE),
              event.getModelVersion()));
    }
    return table.toString();
  }

  private static String metric(ModelTrained event, String name) {
    return String.format(Locale.ROOT, "%.3f", event.getMetrics().get(name));
  }
}
