package dev.agentos.flink.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.derived.FeatureEntity;
import dev.agentos.events.derived.FeatureVectorComputed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link ToFeatureVector}: the event a fired window becomes. */
class FeatureVectorTest {

  private static final long END = Instant.parse("2025-03-02T00:00:00Z").toEpochMilli();

  private final ToFeatureVector daily = new ToFeatureVector(Duration.ofHours(24));
  private final List<Feature> features =
      List.of(new Feature("execution.count", 3), new Feature("execution.success.rate", 0.5));

  @Test
  void namesSayTheWindowAndValuesStayParallel() {
    FeatureVectorComputed vector =
        daily.vectorOf(agentKey(), END, new FeatureAggregate.Result(features, "a1"));

    assertThat(vector.getFeatureNames())
        .containsExactly("execution.count.24h", "execution.success.rate.24h");
    assertThat(vector.getFeatureValues()).containsExactly(3.0, 0.5);
    assertThat(vector.getEntityType()).isEqualTo(FeatureEntity.AGENT);
    assertThat(vector.getEntityId()).isEqualTo("acme/web/a1");
    assertThat(vector.getFeatureSetVersion()).isEqualTo("v1");
    assertThat(vector.getAsOf().toEpochMilli()).isEqualTo(END);
  }

  @Test
  void idIsDerivedFromEntityWindowSizeAndEnd() {
    FeatureVectorComputed vector =
        daily.vectorOf(agentKey(), END, new FeatureAggregate.Result(features, "a1"));
    FeatureVectorComputed hourly =
        new ToFeatureVector(Duration.ofHours(1))
            .vectorOf(agentKey(), END, new FeatureAggregate.Result(features, "a1"));
    FeatureVectorComputed later =
        daily.vectorOf(agentKey(), END + 3_600_000, new FeatureAggregate.Result(features, "a1"));

    assertThat(vector.getHeader().getEventId())
        .isEqualTo(
            UUID.nameUUIDFromBytes(
                    ("AGENT|acme/web/a1|86400000|" + END).getBytes(StandardCharsets.UTF_8))
                .toString());
    assertThat(hourly.getHeader().getEventId()).isNotEqualTo(vector.getHeader().getEventId());
    assertThat(later.getHeader().getEventId()).isNotEqualTo(vector.getHeader().getEventId());
  }

  @Test
  void agentVectorIsFromItsAgentWithoutSession() {
    FeatureVectorComputed vector =
        daily.vectorOf(agentKey(), END, new FeatureAggregate.Result(features, "a1"));

    assertThat(vector.getHeader().getAgentId()).isEqualTo("a1");
    assertThat(vector.getHeader().getSessionId()).isNull();
    assertThat(vector.getHeader().getSource()).isEqualTo("flink:features");
    assertThat(vector.getHeader().getOccurredAt().toEpochMilli()).isEqualTo(END);
  }

  @Test
  void sessionVectorIsFromTheSessionsAgentOrFromFlinkWhenItHadSeveral() {
    FeatureKey session = new FeatureKey("SESSION", "acme", "web", null, "s-1");

    FeatureVectorComputed oneAgent =
        daily.vectorOf(session, END, new FeatureAggregate.Result(features, "a1"));
    FeatureVectorComputed severalAgents =
        daily.vectorOf(session, END, new FeatureAggregate.Result(features, null));

    assertThat(oneAgent.getHeader().getAgentId()).isEqualTo("a1");
    assertThat(oneAgent.getHeader().getSessionId()).isEqualTo("s-1");
    assertThat(severalAgents.getHeader().getAgentId()).isEqualTo("flink");
  }

  @Test
  void projectVectorIsFromFlink() {
    FeatureKey project = new FeatureKey("PROJECT", "acme", "web", null, null);

    FeatureVectorComputed vector =
        daily.vectorOf(project, END, new FeatureAggregate.Result(features, "a1"));

    assertThat(vector.getHeader().getAgentId()).isEqualTo("flink");
    assertThat(vector.getHeader().getTenantId()).isEqualTo("acme");
    assertThat(vector.getHeader().getProjectId()).isEqualTo("web");
    assertThat(vector.getHeader().getSessionId()).isNull();
  }

  private static FeatureKey agentKey() {
    return new FeatureKey("AGENT", "acme", "web", "a1", null);
  }
}
