package dev.agentos.projections.wiring;

import dev.agentos.projections.anomalies.AnomaliesProjection;
import dev.agentos.projections.executions.ExecutionsProjection;
import dev.agentos.projections.features.FeaturesInfluxProjection;
import dev.agentos.projections.history.MemoryHistoryProjection;
import dev.agentos.projections.memory.MemoryCassandraProjection;
import dev.agentos.projections.metrics.MetricsInfluxProjection;
import dev.agentos.projections.models.ModelsProjection;
import dev.agentos.projections.patterns.PatternsProjection;
import dev.agentos.projections.predictions.PredictionsProjection;
import dev.agentos.projections.projecthealth.ProjectHealthProjection;
import dev.agentos.projections.search.MemorySearchProjection;
import dev.agentos.schemas.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The topics each read model reads when its configuration names none, from {@link Topics} so that a
 * renamed topic cannot leave a processor reading an old name.
 */
public final class ReadModelTopics {

  private static final Map<String, List<String>> BY_GROUP =
      Map.ofEntries(
          Map.entry(
              MemoryCassandraProjection.GROUP,
              List.of(Topics.MEMORY.name(), Topics.CONTEXTS.name(), Topics.MEMORY_ACCESS.name())),
          // A memory's history is its aggregate's events only: no contexts, no accesses.
          Map.entry(MemoryHistoryProjection.GROUP, List.of(Topics.MEMORY.name())),
          // Not the reads: their counts are the Cassandra read model's (MemorySearchProjection).
          Map.entry(
              MemorySearchProjection.GROUP, List.of(Topics.MEMORY.name(), Topics.CONTEXTS.name())),
          Map.entry(MetricsInfluxProjection.GROUP, List.of(Topics.METRICS.name())),
          Map.entry(PatternsProjection.GROUP, List.of(Topics.PATTERNS.name())),
          Map.entry(FeaturesInfluxProjection.GROUP, List.of(Topics.FEATURES.name())),
          Map.entry(AnomaliesProjection.GROUP, List.of(Topics.ANOMALIES.name())),
          Map.entry(ProjectHealthProjection.GROUP, List.of(Topics.HEALTH.name())),
          // The predictions and the outcomes that label them: every execution's completion and
          // every verification's, whether predicted or not (an outcome may come first).
          Map.entry(
              PredictionsProjection.GROUP,
              List.of(Topics.PREDICTIONS.name(), Topics.EXECUTIONS.name())),
          Map.entry(ModelsProjection.GROUP, List.of(Topics.MODELS.name())),
          // Executions with their lifecycle, and suggestions (interactions) with their
          // verifications (executions), in either order.
          Map.entry(
              ExecutionsProjection.GROUP,
              List.of(Topics.EXECUTIONS.name(), Topics.INTERACTIONS.name())));

  private ReadModelTopics() {}

  /** Every read model's processing group. */
  public static Set<String> groups() {
    return BY_GROUP.keySet();
  }

  /** The default topics of {@code group}; empty for a group that is not a read model here. */
  public static List<String> of(String group) {
    return BY_GROUP.getOrDefault(group, List.of());
  }
}
