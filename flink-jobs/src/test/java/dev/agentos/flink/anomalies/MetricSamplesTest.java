package dev.agentos.flink.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.metrics.MetricKind;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.flink.io.SourcePosition;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

class MetricSamplesTest {

  private static final SourcePosition POSITION = new SourcePosition("agentos.metrics", 3, 42L);

  @Test
  void copiesTheSeriesScopeValueTimeAndPosition() {
    MetricSample sample = MetricSamples.of(recorded(Map.of("tool", "bash", "exit", "0")), POSITION);

    assertThat(sample)
        .isEqualTo(
            new MetricSample(
                "acme/web/tool.duration{exit=0,tool=bash}",
                "acme",
                "web",
                "agent-7",
                "tool.duration",
                Map.of("tool", "bash", "exit", "0"),
                1_250.5,
                "ms",
                1_740_830_400_250L,
                POSITION));
    assertThat(sample.position()).isSameAs(POSITION);
    assertThat(sample.eventTimeMillis()).isEqualTo(1_740_830_400_250L);
  }

  @Test
  void keepsItsOwnCopyOfTheTags() {
    Map<String, String> tags = new HashMap<>(Map.of("tool", "bash"));
    MetricRecorded metric = recorded(tags);

    MetricSample sample = MetricSamples.of(metric, POSITION);
    tags.put("tool", "python");

    assertThat(sample.tags()).containsExactly(Map.entry("tool", "bash"));
  }

  @Test
  void flinkSerializesSamplesAndWindowsAsPojosNotWithKryo() {
    for (Class<?> type : new Class<?>[] {MetricSample.class, SeriesWindow.class}) {
      TypeInformation<?> info = TypeInformation.of(type);
      assertThat(info).as(type.getSimpleName()).isNotInstanceOf(GenericTypeInfo.class);
      assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
    }
  }

  private static MetricRecorded recorded(Map<String, String> tags) {
    return MetricRecorded.newBuilder()
        .setHeader(
            EventHeader.newBuilder()
                .setEventId("0b6f3f1e-5a4c-4d3e-9f2a-7c1b2d3e4f50")
                .setOccurredAt(Instant.parse("2025-03-01T12:00:00.250Z"))
                .setTenantId("acme")
                .setProjectId("web")
                .setAgentId("agent-7")
                .setSource("http")
                .build())
        .setName("tool.duration")
        .setKind(MetricKind.TIMER)
        .setValue(1_250.5)
        .setUnit("ms")
        .setTags(tags)
        .build();
  }
}
