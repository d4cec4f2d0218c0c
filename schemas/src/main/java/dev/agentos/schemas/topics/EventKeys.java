package dev.agentos.schemas.topics;

import dev.agentos.events.agents.AgentRegistered;
import dev.agentos.events.agents.ApiKeyIssued;
import dev.agentos.events.agents.ApiKeyRevoked;
import dev.agentos.events.common.EventHeader;
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
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one place that computes the Kafka key of an event written by AgentOS itself (the ingest
 * gateway, the command side and the learning jobs), following each topic's {@link Topic#keyedBy()}
 * contract: the key decides the partition, so it decides which events stay in order with each
 * other.
 */
public final class EventKeys {

  private EventKeys() {}

  /** The key {@code event} must be produced with on {@link Topics#producedTo}. */
  public static String keyOf(SpecificRecord event) {
    if (event instanceof MetricRecorded metric) {
      return MetricSeries.keyOf(metric);
    }
    if (event instanceof MemoryStored e) {
      return e.getMemoryId();
    }
    if (event instanceof MemoryUpdated e) {
      return e.getMemoryId();
    }
    if (event instanceof MemorySuperseded e) {
      return e.getMemoryId();
    }
    if (event instanceof MemoryDeleted e) {
      return e.getMemoryId();
    }
    // A relation belongs to the memory it starts from, so it stays in order with that memory.
    if (event instanceof MemoryRelationAdded e) {
      return e.getFromMemoryId();
    }
    if (event instanceof MemoryRelationRemoved e) {
      return e.getFromMemoryId();
    }
    if (event instanceof MemoryAccessed e) {
      return sessionOr(e.getHeader(), EventHeader::getAgentId);
    }
    if (event instanceof ContextCreated e) {
      return e.getContextId();
    }
    if (event instanceof ContextsMerged e) {
      return e.getTargetContextId();
    }
    if (event instanceof ContextSwitched e) {
      return e.getSessionId();
    }
    if (event instanceof AgentRegistered
        || event instanceof ApiKeyIssued
        || event instanceof ApiKeyRevoked) {
      return headerOf(event).getAgentId();
    }
    if (event instanceof ProjectAnalysed e) {
      return e.getHeader().getProjectId();
    }
    if (Topics.EXECUTIONS_RAW.carries(event.getClass())) {
      return sessionOr(headerOf(event), header -> executionIdOf(event));
    }
    if (Topics.INTERACTIONS_RAW.carries(event.getClass())) {
      // An interaction outside any session still stays in order with its agent's other work.
      return sessionOr(headerOf(event), EventHeader::getAgentId);
    }
    if (event instanceof RecordDeadLettered e) {
      // Letters of one source partition stay in order, as their records were.
      return e.getSourceTopic() + "/" + e.getSourcePartition();
    }
    return derivedKeyOf(event);
  }

  /** The learning jobs' events: keyed so a later result replaces an earlier one of its subject. */
  private static String derivedKeyOf(SpecificRecord event) {
    if (event instanceof PatternDetected e) {
      return e.getPatternId();
    }
    if (event instanceof FeatureVectorComputed e) {
      String entity = e.getEntityType() + ":" + e.getEntityId();
      return e.getWindow().isEmpty() ? entity : entity + ":" + e.getWindow();
    }
    if (event instanceof PredictionMade e) {
      return e.getExecutionId() != null ? e.getExecutionId() : e.getSuggestionId();
    }
    if (event instanceof ModelTrained e) {
      return modelKey(e.getHeader(), e.getModelName());
    }
    if (event instanceof ModelPromoted e) {
      return modelKey(e.getHeader(), e.getModelName());
    }
    if (event instanceof ModelPerformanceReported e) {
      return modelKey(e.getHeader(), e.getModelName());
    }
    if (event instanceof ProjectHealthReported e) {
      return e.getHeader().getProjectId();
    }
    if (event instanceof AnomalyDetected e) {
      EventHeader header = e.getHeader();
      return MetricSeries.keyOf(
          header.getTenantId(), header.getProjectId(), e.getMetric(), e.getTags());
    }
    throw new IllegalArgumentException(
        "no key rule for " + event.getClass().getSimpleName() + ": it is not written by AgentOS");
  }

  /** Models are trained per tenant: two tenants' models of one name are two subjects. */
  private static String modelKey(EventHeader header, String modelName) {
    return header.getTenantId() + "/" + modelName;
  }

  private static String executionIdOf(SpecificRecord event) {
    if (event instanceof ExecutionRequested e) {
      return e.getExecutionId();
    }
    if (event instanceof ExecutionStarted e) {
      return e.getExecutionId();
    }
    if (event instanceof ExecutionCompleted e) {
      return e.getExecutionId();
    }
    if (event instanceof VerificationRequested e) {
      return e.getExecutionId();
    }
    if (event instanceof VerificationCompleted e) {
      return e.getExecutionId();
    }
    throw new IllegalArgumentException(event.getClass().getSimpleName() + " names no execution");
  }

  private static String sessionOr(EventHeader header, Function<EventHeader, String> fallback) {
    String session = header.getSessionId();
    return session != null && !session.isEmpty() ? session : fallback.apply(header);
  }

  /** The header every AgentOS event carries (scope, ids, time). */
  public static EventHeader headerOf(SpecificRecord event) {
    return (EventHeader) event.get(event.getSchema().getField("header").pos());
  }

  /**
   * The header of {@code value} if it is an event with one: for code that must cope with anything a
   * topic holds (a foreign record, a tombstone), such as dead-lettering.
   */
  public static Optional<EventHeader> findHeader(Object value) {
    if (value instanceof SpecificRecord event) {
      Schema.Field field = event.getSchema().getField("header");
      if (field != null && event.get(field.pos()) instanceof EventHeader header) {
        return Optional.of(header);
      }
    }
    return Optional.empty();
  }
}
