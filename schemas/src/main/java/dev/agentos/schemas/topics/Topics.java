package dev.agentos.schemas.topics;

import static dev.agentos.schemas.topics.CleanupPolicy.COMPACT;
import static dev.agentos.schemas.topics.CleanupPolicy.DELETE;
import static dev.agentos.schemas.topics.TopicRole.CANONICAL;
import static dev.agentos.schemas.topics.TopicRole.DEAD_LETTER;
import static dev.agentos.schemas.topics.TopicRole.DERIVED;
import static dev.agentos.schemas.topics.TopicRole.RAW;

import dev.agentos.events.agents.AgentRegistered;
import dev.agentos.events.agents.ApiKeyIssued;
import dev.agentos.events.agents.ApiKeyRevoked;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.events.derived.FeatureVectorComputed;
import dev.agentos.events.derived.ModelPerformanceReported;
import dev.agentos.events.derived.ModelPromoted;
import dev.agentos.events.derived.ModelTrained;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PredictionMade;
import dev.agentos.events.derived.ProjectHealthReported;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.ExecutionStarted;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationRequested;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.ConversationTurnRecorded;
import dev.agentos.events.interactions.SuggestionOutcomeRecorded;
import dev.agentos.events.interactions.ToolCallRecorded;
import dev.agentos.events.memory.ContextCreated;
import dev.agentos.events.memory.ContextSwitched;
import dev.agentos.events.memory.ContextsMerged;
import dev.agentos.events.memory.MemoryAccessed;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryRelationAdded;
import dev.agentos.events.memory.MemoryRelationRemoved;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.events.projects.ProjectAnalysed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every AgentOS topic. Keys are chosen so order is kept only where it matters: memory and context
 * events by aggregate id, interactions and executions by session, metrics by series. Event logs are
 * kept forever so any read model can be rebuilt from offset zero; raw ingest topics expire once the
 * dedup stage has had ample time to copy them to their canonical topic.
 */
public final class Topics {

  private static final Retention RAW_RETENTION = Retention.of(Duration.ofDays(7));

  private static final List<Class<? extends SpecificRecord>> INTERACTION_EVENTS =
      List.of(
          ConversationTurnRecorded.class,
          ToolCallRecorded.class,
          CodeSuggestionProposed.class,
          SuggestionOutcomeRecorded.class);
  private static final List<Class<? extends SpecificRecord>> EXECUTION_EVENTS =
      List.of(
          ExecutionRequested.class,
          ExecutionStarted.class,
          ExecutionCompleted.class,
          VerificationRequested.class,
          VerificationCompleted.class);
  private static final String BY_SESSION = "header.sessionId";
  private static final String BY_EXECUTION_SESSION =
      "header.sessionId, or executionId when the run belongs to no session";
  private static final String BY_SERIES =
      "metric series: tenantId/projectId/name{tags sorted by name}";

  public static final Topic<String, SpecificRecord> INTERACTIONS_RAW =
      several(
          "agentos.interactions.raw.v1", RAW, BY_SESSION, 12, RAW_RETENTION, INTERACTION_EVENTS);
  public static final Topic<String, SpecificRecord> INTERACTIONS =
      several("agentos.interactions.v1", CANONICAL, BY_SESSION, 12, INTERACTION_EVENTS);
  public static final Topic<String, SpecificRecord> EXECUTIONS_RAW =
      several(
          "agentos.executions.raw.v1",
          RAW,
          BY_EXECUTION_SESSION,
          12,
          RAW_RETENTION,
          EXECUTION_EVENTS);
  public static final Topic<String, SpecificRecord> EXECUTIONS =
      several("agentos.executions.v1", CANONICAL, BY_EXECUTION_SESSION, 12, EXECUTION_EVENTS);
  public static final Topic<String, MetricRecorded> METRICS_RAW =
      single("agentos.metrics.raw.v1", RAW, BY_SERIES, MetricRecorded.class, 12, RAW_RETENTION);
  public static final Topic<String, MetricRecorded> METRICS =
      single("agentos.metrics.v1", CANONICAL, BY_SERIES, MetricRecorded.class, 12);

  public static final Topic<String, SpecificRecord> MEMORY =
      several(
          "agentos.memory.v1",
          CANONICAL,
          "memoryId (relation events: fromMemoryId, the memory owning the relation)",
          12,
          List.of(
              MemoryStored.class,
              MemoryUpdated.class,
              MemorySuperseded.class,
              MemoryDeleted.class,
              MemoryRelationAdded.class,
              MemoryRelationRemoved.class));

  /** Reads are not part of the memory aggregate and far more frequent than writes. */
  public static final Topic<String, MemoryAccessed> MEMORY_ACCESS =
      single(
          "agentos.memory.access.v1",
          CANONICAL,
          "header.sessionId, or header.agentId outside a session",
          MemoryAccessed.class,
          6);

  public static final Topic<String, SpecificRecord> CONTEXTS =
      several(
          "agentos.contexts.v1",
          CANONICAL,
          "contextId (ContextsMerged: targetContextId; ContextSwitched: sessionId)",
          6,
          List.of(ContextCreated.class, ContextSwitched.class, ContextsMerged.class));
  public static final Topic<String, SpecificRecord> AGENTS =
      several(
          "agentos.agents.v1",
          CANONICAL,
          "header.agentId",
          3,
          List.of(AgentRegistered.class, ApiKeyIssued.class, ApiKeyRevoked.class));
  public static final Topic<String, ProjectAnalysed> PROJECTS =
      single("agentos.projects.v1", CANONICAL, "header.projectId", ProjectAnalysed.class, 3);

  public static final Topic<String, PatternDetected> PATTERNS =
      single("agentos.derived.patterns.v1", DERIVED, "patternId", PatternDetected.class, 6);

  /** Compacted: the latest vector per entity and window length is the online feature store. */
  public static final Topic<String, FeatureVectorComputed> FEATURES =
      new Topic<>(
          "agentos.derived.features.v1",
          DERIVED,
          String.class,
          "entityType:entityId:window",
          FeatureVectorComputed.class,
          List.of(FeatureVectorComputed.class),
          12,
          Retention.FOREVER,
          COMPACT);

  public static final Topic<String, PredictionMade> PREDICTIONS =
      single(
          "agentos.derived.predictions.v1",
          DERIVED,
          "executionId, or suggestionId for a suggestion's prediction",
          PredictionMade.class,
          12);

  /** One partition: a model's trainings, promotions and live scores stay in one order. */
  public static final Topic<String, SpecificRecord> MODELS =
      several(
          "agentos.derived.models.v1",
          DERIVED,
          "tenantId/modelName",
          1,
          List.of(ModelTrained.class, ModelPromoted.class, ModelPerformanceReported.class));

  public static final Topic<String, ProjectHealthReported> HEALTH =
      single(
          "agentos.derived.health.v1", DERIVED, "header.projectId", ProjectHealthReported.class, 3);
  public static final Topic<String, AnomalyDetected> ANOMALIES =
      single("agentos.derived.anomalies.v1", DERIVED, BY_SERIES, AnomalyDetected.class, 6);

  /** Kept forever: a dead letter is the only copy of a record some stage could not process. */
  public static final Topic<String, RecordDeadLettered> DEAD_LETTERS =
      single(
          "agentos.deadletters.v1",
          DEAD_LETTER,
          "sourceTopic/sourcePartition",
          RecordDeadLettered.class,
          3);

  private static final List<Topic<String, ?>> ALL =
      List.of(
          INTERACTIONS_RAW,
          INTERACTIONS,
          EXECUTIONS_RAW,
          EXECUTIONS,
          METRICS_RAW,
          METRICS,
          MEMORY,
          MEMORY_ACCESS,
          CONTEXTS,
          AGENTS,
          PROJECTS,
          PATTERNS,
          FEATURES,
          PREDICTIONS,
          MODELS,
          HEALTH,
          ANOMALIES,
          DEAD_LETTERS);

  private Topics() {}

  public static List<Topic<String, ?>> all() {
    return ALL;
  }

  /** The canonical topic the dedup stage writes a RAW topic's events to: same name without .raw. */
  public static Topic<String, ?> canonicalFor(Topic<String, ?> raw) {
    if (raw.role() != TopicRole.RAW) {
      throw new IllegalArgumentException(raw.name() + " is not a raw topic");
    }
    return named(raw.name().replace(".raw.", "."))
        .orElseThrow(() -> new IllegalStateException("no canonical topic for " + raw.name()));
  }

  /** Every RAW topic, in declaration order. */
  public static List<Topic<String, ?>> raw() {
    return ALL.stream().filter(topic -> topic.role() == TopicRole.RAW).toList();
  }

  /**
   * The topic a producer writes an event type to: the RAW topic that carries it, so the dedup stage
   * sees every copy, or else the one CANONICAL topic that carries it.
   */
  public static Topic<String, ?> producedTo(Class<? extends SpecificRecord> eventType) {
    return ALL.stream()
        .filter(topic -> topic.role() == TopicRole.RAW && topic.carries(eventType))
        .findFirst()
        .or(
            () ->
                ALL.stream()
                    .filter(topic -> topic.role() == CANONICAL && topic.carries(eventType))
                    .findFirst())
        .orElseThrow(
            () -> new IllegalArgumentException("no topic carries " + eventType.getSimpleName()));
  }

  public static Optional<Topic<String, ?>> named(String name) {
    return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
  }

  private static Topic<String, SpecificRecord> several(
      String name,
      TopicRole role,
      String keyedBy,
      int partitions,
      List<Class<? extends SpecificRecord>> events) {
    return several(name, role, keyedBy, partitions, Retention.FOREVER, events);
  }

  private static Topic<String, SpecificRecord> several(
      String name,
      TopicRole role,
      String keyedBy,
      int partitions,
      Retention retention,
      List<Class<? extends SpecificRecord>> events) {
    return new Topic<>(
        name,
        role,
        String.class,
        keyedBy,
        SpecificRecord.class,
        events,
        partitions,
        retention,
        DELETE);
  }

  private static <V extends SpecificRecord> Topic<String, V> single(
      String name, TopicRole role, String keyedBy, Class<V> event, int partitions) {
    return single(name, role, keyedBy, event, partitions, Retention.FOREVER);
  }

  private static <V extends SpecificRecord> Topic<String, V> single(
      String name,
      TopicRole role,
      String keyedBy,
      Class<V> event,
      int partitions,
      Retention retention) {
    return new Topic<>(
        name, role, String.class, keyedBy, event, List.of(event), partitions, retention, DELETE);
  }
}
