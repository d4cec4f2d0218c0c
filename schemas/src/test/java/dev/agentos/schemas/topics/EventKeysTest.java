package dev.agentos.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.events.derived.FeatureEntity;
import dev.agentos.events.derived.FeatureVectorComputed;
import dev.agentos.events.derived.ModelPerformanceReported;
import dev.agentos.events.derived.ModelPromoted;
import dev.agentos.events.derived.ModelTrained;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PredictionMade;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.interactions.ConversationTurnRecorded;
import dev.agentos.events.memory.MemoryRelationAdded;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventKeysTest {

  @BeforeAll
  static void trustGeneratedClasses() {
    GeneratedAvroClasses.trust();
  }

  @Test
  void everyEventAgentOsWritesHasAKeyRule() {
    for (Topic<String, ?> topic : Topics.all()) {
      for (Class<? extends SpecificRecord> type : topic.eventTypes()) {
        SpecificRecord event = emptyWithHeader(type, "session-1");
        if (event instanceof MetricRecorded metric) {
          metric.setName("m");
          metric.setTags(Map.of());
        }
        if (event instanceof FeatureVectorComputed vector) {
          vector.setWindow("");
        }
        if (event instanceof AnomalyDetected anomaly) {
          anomaly.setMetric("m");
          anomaly.setTags(Map.of());
        }
        // Throws for an event type without a rule; the key itself may be null in an empty record.
        EventKeys.keyOf(event);
      }
    }
  }

  @Test
  void findsTheHeaderOnlyOnAnEventThatHasOne() {
    ConversationTurnRecorded turn = emptyWithHeader(ConversationTurnRecorded.class, "s-1");
    assertThat(EventKeys.findHeader(turn)).contains(EventKeys.headerOf(turn));
    assertThat(EventKeys.findHeader(EventKeys.headerOf(turn))).isEmpty(); // a record, no header
    assertThat(EventKeys.findHeader("not a record")).isEmpty();
    assertThat(EventKeys.findHeader(null)).isEmpty();
  }

  @Test
  void interactionsAreKeyedBySessionOrElseAgent() {
    assertThat(EventKeys.keyOf(emptyWithHeader(ConversationTurnRecorded.class, "s-9")))
        .isEqualTo("s-9");
    assertThat(EventKeys.keyOf(emptyWithHeader(ConversationTurnRecorded.class, null)))
        .isEqualTo("agent-1");
  }

  @Test
  void executionsOutsideASessionAreKeyedByExecution() {
    ExecutionRequested run = emptyWithHeader(ExecutionRequested.class, null);
    run.setExecutionId("run-7");
    assertThat(EventKeys.keyOf(run)).isEqualTo("run-7");
  }

  @Test
  void aRelationIsKeyedByTheMemoryItStartsFrom() {
    MemoryRelationAdded added = emptyWithHeader(MemoryRelationAdded.class, null);
    added.setFromMemoryId("m-from");
    added.setToMemoryId("m-to");
    assertThat(EventKeys.keyOf(added)).isEqualTo("m-from");
  }

  @Test
  void metricsAreKeyedBySeries() {
    MetricRecorded metric = emptyWithHeader(MetricRecorded.class, null);
    metric.setName("latency");
    metric.setTags(Map.of("b", "2", "a", "1"));
    assertThat(EventKeys.keyOf(metric)).isEqualTo("tenant-1/project-1/latency{a=1,b=2}");
  }

  @Test
  void derivedEventsAreKeyedByTheirSubject() {
    PatternDetected pattern = emptyWithHeader(PatternDetected.class, null);
    pattern.setPatternId("p-1");
    assertThat(EventKeys.keyOf(pattern)).isEqualTo("p-1");
    FeatureVectorComputed vector = emptyWithHeader(FeatureVectorComputed.class, null);
    vector.setEntityType(FeatureEntity.SESSION);
    vector.setEntityId("t/p/s-1");
    vector.setWindow("24h");
    assertThat(EventKeys.keyOf(vector)).isEqualTo("SESSION:t/p/s-1:24h");
    AnomalyDetected anomaly = emptyWithHeader(AnomalyDetected.class, null);
    anomaly.setMetric("latency");
    anomaly.setTags(Map.of("tool", "bash"));
    assertThat(EventKeys.keyOf(anomaly)).isEqualTo("tenant-1/project-1/latency{tool=bash}");
  }

  @Test
  void aPredictionIsKeyedByItsExecutionElseItsSuggestion() {
    PredictionMade ofExecution = emptyWithHeader(PredictionMade.class, null);
    ofExecution.setExecutionId("x-1");
    ofExecution.setSuggestionId("s-1");
    assertThat(EventKeys.keyOf(ofExecution)).isEqualTo("x-1");
    PredictionMade ofSuggestion = emptyWithHeader(PredictionMade.class, null);
    ofSuggestion.setSuggestionId("s-1");
    assertThat(EventKeys.keyOf(ofSuggestion)).isEqualTo("s-1");
  }

  @Test
  void aModelsEventsAreKeyedByItsTenantAndName() {
    ModelTrained trained = emptyWithHeader(ModelTrained.class, null);
    trained.setModelName("execution-success");
    ModelPromoted promoted = emptyWithHeader(ModelPromoted.class, null);
    promoted.setModelName("execution-success");
    ModelPerformanceReported scored = emptyWithHeader(ModelPerformanceReported.class, null);
    scored.setModelName("execution-success");
    assertThat(
            List.of(EventKeys.keyOf(trained), EventKeys.keyOf(promoted), EventKeys.keyOf(scored)))
        .containsOnly("tenant-1/execution-success");
  }

  @Test
  void aDeadLetterIsKeyedByItsSourcePartition() {
    RecordDeadLettered letter = emptyWithHeader(RecordDeadLettered.class, null);
    letter.setSourceTopic("agentos.executions.v1");
    letter.setSourcePartition(7);
    assertThat(EventKeys.keyOf(letter)).isEqualTo("agentos.executions.v1/7");
  }

  @SuppressWarnings("unchecked")
  private static <T extends SpecificRecord> T emptyWithHeader(Class<T> type, String sessionId) {
    T event = (T) SpecificData.get().newRecord(null, GeneratedRecords.schemaOf(type));
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId("e-1")
            .setOccurredAt(java.time.Instant.EPOCH)
            .setTenantId("tenant-1")
            .setProjectId("project-1")
            .setAgentId("agent-1")
            .setSessionId(sessionId)
            .setSource("test")
            .build();
    event.put(event.getSchema().getField("header").pos(), header);
    return event;
  }
}
