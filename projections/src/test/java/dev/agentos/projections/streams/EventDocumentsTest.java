package dev.agentos.projections.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.events.derived.ProjectHealthReported;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.projects.ProjectAnalysed;
import dev.agentos.readmodels.streams.EventStreams;
import dev.agentos.readmodels.streams.StreamTemplates;
import dev.agentos.schemas.topics.Topic;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class EventDocumentsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void headerFieldsSitAtTheTopWithOccurredAtAsTimestamp() {
    ExecutionCompleted event = RandomEvents.of(ExecutionCompleted.class, 1);
    event.getHeader().setOccurredAt(Instant.parse("2026-11-24T10:15:30.123Z"));
    event.getHeader().setTenantId("tenant-a");
    event.getHeader().setSessionId(null);
    event.setOutcome(ExecutionOutcome.TIMED_OUT);
    event.setExitCode(null);
    event.setDurationMs(1234L);

    Map<String, Object> doc = EventDocuments.of(event, "executions");

    assertThat(doc)
        .containsEntry("@timestamp", "2026-11-24T10:15:30.123Z")
        .containsEntry("tenantId", "tenant-a")
        .containsEntry("eventId", event.getHeader().getEventId())
        .containsEntry("eventType", "ExecutionCompleted")
        .containsEntry("stream", "executions")
        .containsEntry("outcome", "TIMED_OUT")
        .containsEntry("durationMs", 1234L)
        .doesNotContainKeys("header", "occurredAt", "sessionId", "exitCode");
    assertThat(EventDocuments.eventId(event)).isEqualTo(event.getHeader().getEventId());
  }

  @Test
  void nestedRecordsGetDottedNamesAndMapsStayMaps() {
    ExecutionRequested event = RandomEvents.of(ExecutionRequested.class, 2);
    event.getLimits().setCpuTimeMs(5000L);
    event.setEnvironment(Map.of("B", "2", "A", "1"));

    Map<String, Object> doc = EventDocuments.of(event, "executions");

    assertThat(doc).containsEntry("limits.cpuTimeMs", 5000L).doesNotContainKey("limits");
    assertThat(doc.get("environment")).isEqualTo(Map.of("A", "1", "B", "2"));
  }

  @Test
  void decimalsBecomeNumbersBytesBase64AndKafkaHeadersText() {
    ProjectHealthReported health = RandomEvents.of(ProjectHealthReported.class, 3);
    health.setScore(new BigDecimal("87.25"));
    health.setComponents(Map.of("execution-success", new BigDecimal("99.50")));
    Map<String, Object> healthDoc = EventDocuments.of(health, "derived-health");
    assertThat(healthDoc).containsEntry("score", 87.25);
    assertThat(healthDoc.get("components")).isEqualTo(Map.of("execution-success", "99.50"));

    RecordDeadLettered letter = RandomEvents.of(RecordDeadLettered.class, 4);
    letter.setValue(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    letter.setKafkaHeaders(
        Map.of("trace", ByteBuffer.wrap("abc".getBytes(StandardCharsets.UTF_8))));
    Map<String, Object> letterDoc = EventDocuments.of(letter, "deadletters");
    assertThat(letterDoc).containsEntry("value", "AQID");
    assertThat(letterDoc.get("kafkaHeaders")).isEqualTo(Map.of("trace", "abc"));
  }

  @Test
  void arraysOfRecordsKeepEachElementsFieldsTogether() {
    ProjectAnalysed event = RandomEvents.of(ProjectAnalysed.class, 5);
    Map<String, Object> doc = EventDocuments.of(event, "projects");
    assertThat(doc.get("languages")).isInstanceOf(List.class);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> languages = (List<Map<String, Object>>) doc.get("languages");
    assertThat(languages).hasSize(event.getLanguages().size());
  }

  /** The flattener and the mapping generator agree on every field of every event type. */
  @Test
  void everyFieldOfEveryEventTypeIsInItsStreamsMapping() {
    Map<String, Map<String, String>> mapped = new HashMap<>();
    for (Topic<String, ?> topic : EventStreams.topics()) {
      mapped.put(
          EventStreams.streamOf(topic),
          MappedFields.of(JSON.valueToTree(StreamTemplates.mappings(topic))));
    }
    List<String> unmapped = new ArrayList<>();
    int leaves = 0;
    for (SpecificRecord event : RandomEvents.ofEveryType(42)) {
      String stream = EventStreams.streamOf(event.getClass());
      for (String path : leafPaths("", EventDocuments.of(event, stream))) {
        leaves++;
        if (!mapped.get(stream).containsKey(path)) {
          unmapped.add(stream + ": " + path);
        }
      }
    }
    assertThat(unmapped).isEmpty();
    assertThat(leaves).isGreaterThan(300);
  }

  /** Paths of a document's values as Elasticsearch would name them; maps under flattened stop. */
  @SuppressWarnings("unchecked")
  static List<String> leafPaths(String prefix, Map<String, Object> doc) {
    List<String> paths = new ArrayList<>();
    doc.forEach(
        (key, value) -> {
          String path = prefix + key;
          Object first = value instanceof List<?> list && !list.isEmpty() ? list.get(0) : value;
          if (first instanceof Map<?, ?> map && !(value instanceof Map<?, ?>)) {
            paths.addAll(leafPaths(path + ".", (Map<String, Object>) map));
          } else {
            paths.add(path);
          }
        });
    return paths;
  }
}
