package dev.agentos.projections.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.metrics.MetricKind;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.projections.source.UnprocessableRecordException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricPointMapperTest {

  private static final String EVENT_ID = "0b6f3f1e-5a4c-4d3e-9f2a-7c1b2d3e4f50";
  private static final Instant AT = Instant.parse("2025-03-01T12:00:00.123Z");

  private final MetricPointMapper mapper = new MetricPointMapper();

  @Test
  void mapsNameScopeTagsValueEventIdAndTime() {
    MetricPoint point =
        mapper.toPoint(metric("agent.tokens.used", 42.5, "s-1", Map.of("tool", "bash")));

    assertThat(point.measurement()).isEqualTo("agent.tokens.used");
    assertThat(point.tags())
        .containsExactly(
            entry("agent_id", "agent-7"),
            entry("project_id", "web"),
            entry("session_id", "s-1"),
            entry("tenant_id", "acme"),
            entry("tool", "bash"));
    assertThat(point.value()).isEqualTo(42.5);
    assertThat(point.eventId()).isEqualTo(EVENT_ID);
    assertThat(point.fields()).containsExactly(entry("value", 42.5), entry("event_id", EVENT_ID));
    assertThat(point.timeMillis()).isEqualTo(AT.toEpochMilli()).isEqualTo(1_740_830_400_123L);
  }

  @Test
  void sessionTagOnlyWhenTheSampleBelongsToASession() {
    MetricPoint point = mapper.toPoint(metric("m", 1, null, Map.of()));

    assertThat(point.tags()).containsOnlyKeys("tenant_id", "project_id", "agent_id");
  }

  @Test
  void redeliveryGivesTheSamePointSoInfluxOverwritesItWithItself() {
    // A redelivery is a second copy of the same event, decoded into a new object.
    MetricPoint first = mapper.toPoint(metric("m", 3, "s-1", Map.of("a", "1", "b", "2")));
    MetricPoint again = mapper.toPoint(metric("m", 3, "s-1", Map.of("b", "2", "a", "1")));

    assertThat(again).isEqualTo(first);
  }

  @Test
  void scopeTagsWinAClashAndTheMetricsTagIsKeptRenamed() {
    MetricPoint point =
        mapper.toPoint(
            metric(
                "m",
                1,
                "s-1",
                Map.of(
                    "tenant_id", "evil",
                    "session_id", "other",
                    "value", "v",
                    "event_id", "e",
                    "time", "morning")));

    assertThat(point.tags())
        .contains(entry("tenant_id", "acme"), entry("session_id", "s-1"))
        .contains(
            entry("%74enant_id", "evil"),
            entry("%73ession_id", "other"),
            entry("%76alue", "v"),
            entry("%65vent_id", "e"),
            entry("%74ime", "morning"))
        .doesNotContainKeys("value", "event_id", "time");
  }

  @Test
  void sessionTagNameIsReservedEvenWithoutASession() {
    MetricPoint point = mapper.toPoint(metric("m", 1, null, Map.of("session_id", "x")));

    assertThat(point.tags()).doesNotContainKey("session_id").containsEntry("%73ession_id", "x");
  }

  @Test
  void charactersLineProtocolTreatsSpeciallyAreEncoded() {
    MetricPoint point =
        mapper.toPoint(
            metric(
                "_cpu load,avg=1\n%",
                1, null, Map.of("_os name", "linux \"x\"\\", "path", "src/main.py")));

    assertThat(point.measurement()).isEqualTo("%5Fcpu%20load%2Cavg%3D1%0A%25");
    assertThat(point.tags())
        .containsEntry("%5Fos%20name", "linux%20%22x%22%5C")
        .containsEntry("path", "src/main.py");
  }

  @Test
  void differentNamesStayDifferentMeasurements() {
    assertThat(mapper.toPoint(metric("a b", 1, null, Map.of())).measurement())
        .isNotEqualTo(mapper.toPoint(metric("a%20b", 1, null, Map.of())).measurement())
        .isNotEqualTo(mapper.toPoint(metric("a_b", 1, null, Map.of())).measurement());
  }

  @Test
  void emptyTagValuesAreLeftOut() {
    MetricPoint point = mapper.toPoint(metric("m", 1, "", Map.of("tool", "")));

    assertThat(point.tags()).doesNotContainKeys("tool", "session_id");
  }

  @Test
  void whatInfluxCannotStoreIsRefusedNamingTheEvent() {
    assertThatThrownBy(() -> mapper.toPoint(metric("", 1, null, Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name is empty")
        .hasMessageContaining(EVENT_ID);
    assertThatThrownBy(() -> mapper.toPoint(metric("m", Double.NaN, null, Map.of())))
        .hasMessageContaining("not finite");
    assertThatThrownBy(() -> mapper.toPoint(metric("m", Double.POSITIVE_INFINITY, null, Map.of())))
        .hasMessageContaining("not finite");
    assertThatThrownBy(() -> mapper.toPoint(metric("m", 1, null, Map.of("", "x"))))
        .hasMessageContaining("tag key is empty");
  }

  @Test
  void aTimeOutsideInfluxsRangeIsRefusedForGoodNamingTheField() {
    MetricRecorded inYear3000 = metric("latency", 1, null, Map.of());
    inYear3000.getHeader().setOccurredAt(Instant.parse("3000-01-01T00:00:00Z"));
    MetricRecorded in1600 = metric("latency", 1, null, Map.of());
    in1600.getHeader().setOccurredAt(Instant.parse("1600-01-01T00:00:00Z"));

    for (MetricRecorded outside : new MetricRecorded[] {inYear3000, in1600}) {
      assertThatThrownBy(() -> mapper.toPoint(outside))
          .isInstanceOf(UnprocessableRecordException.class)
          .hasMessageContaining("header.occurredAt")
          .hasMessageContaining("outside InfluxDB's time range")
          .hasMessageContaining(EVENT_ID);
    }
  }

  @Test
  void theEdgesOfInfluxsRangeAreKept() {
    MetricRecorded earliest = metric("latency", 1, null, Map.of());
    earliest.getHeader().setOccurredAt(MetricPointMapper.EARLIEST);
    MetricRecorded latest = metric("latency", 1, null, Map.of());
    latest.getHeader().setOccurredAt(MetricPointMapper.LATEST);

    assertThat(mapper.toPoint(earliest).timeMillis()).isEqualTo(-9_223_372_036_854L);
    assertThat(mapper.toPoint(latest).timeMillis()).isEqualTo(9_223_372_036_854L);
  }

  @Test
  void pointIsImmutable() {
    MetricPoint point = mapper.toPoint(metric("m", 1, null, Map.of()));

    assertThatThrownBy(() -> point.tags().put("tenant_id", "other"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> point.fields().put("value", 2.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static MetricRecorded metric(
      String name, double value, String sessionId, Map<String, String> tags) {
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(EVENT_ID)
            .setOccurredAt(AT)
            .setTenantId("acme")
            .setProjectId("web")
            .setAgentId("agent-7")
            .setSessionId(sessionId)
            .setSource("http")
            .build();
    return MetricRecorded.newBuilder()
        .setHeader(header)
        .setName(name)
        .setKind(MetricKind.GAUGE)
        .setValue(value)
        .setUnit("1")
        .setTags(tags)
        .build();
  }
}
