package dev.agentos.projections.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.agentos.events.derived.FeatureEntity;
import dev.agentos.events.derived.FeatureVectorComputed;
import dev.agentos.projections.source.UnprocessableRecordException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A feature vector as one InfluxDB point, whose identity makes a rewrite an overwrite. */
class FeaturePointMapperTest {

  private static final Instant AS_OF = Instant.parse("2026-12-07T11:00:00Z");

  private final FeaturePointMapper mapper = new FeaturePointMapper();

  @Test
  void tagsAreTheScopeEntityWindowAndFeatureSetFieldsTheFeaturesTimeTheWindowsEnd() {
    FeatureVectorPoint point =
        mapper.toPoint(FeatureVectors.agent("acme", "web", "agent-7", "1h", AS_OF, 12, 0.75));

    assertThat(point.tags())
        .containsExactly(
            entry("entity_id", "acme/web/agent-7"),
            entry("entity_type", "AGENT"),
            entry("feature_set", "v1"),
            entry("project_id", "web"),
            entry("tenant_id", "acme"),
            entry("window", "1h"));
    assertThat(point.fields())
        .containsExactly(
            entry("execution.count.1h", 12.0), entry("execution.success.rate.1h", 0.75));
    assertThat(point.timeMillis()).isEqualTo(AS_OF.toEpochMilli());
  }

  @Test
  void theSameVectorAgainIsTheSamePointAndAnotherWindowAnotherSeries() {
    FeatureVectorPoint first =
        mapper.toPoint(FeatureVectors.agent("acme", "web", "agent-7", "1h", AS_OF, 12, 0.75));
    FeatureVectorPoint again =
        mapper.toPoint(FeatureVectors.agent("acme", "web", "agent-7", "1h", AS_OF, 12, 0.75));
    FeatureVectorPoint day =
        mapper.toPoint(FeatureVectors.agent("acme", "web", "agent-7", "24h", AS_OF, 30, 0.5));

    assertThat(again).isEqualTo(first);
    assertThat(day.tags()).isNotEqualTo(first.tags());
    assertThat(day.timeMillis()).isEqualTo(first.timeMillis());
  }

  @Test
  void namesAndValuesAreStoredAsInfluxNamesSoTheReaderComputesTheSame() {
    FeatureVectorComputed vector =
        FeatureVectors.vector(
            FeatureEntity.SESSION, "t 1", "p,1", "a", "t 1/p,1/s%2F1", "1h", AS_OF, 1);
    vector.setFeatureNames(List.of("tool.bash run.count.1h"));

    FeatureVectorPoint point = mapper.toPoint(vector);

    assertThat(point.tags())
        .contains(
            entry("tenant_id", "t%201"),
            entry("project_id", "p%2C1"),
            entry("entity_id", "t%201/p%2C1/s%252F1"));
    assertThat(point.fields()).containsOnlyKeys("tool.bash%20run.count.1h");
  }

  @Test
  void whatInfluxCannotStoreOrWouldStoreWrongIsRefusedWithTheReason() {
    assertRefused(v -> v.setEntityType(FeatureEntity.EXECUTION), "no feature vectors of EXECUTION");
    assertRefused(v -> v.setFeatureValues(List.of(1.0)), "2 feature names for 1 values");
    assertRefused(
        v -> {
          v.setFeatureNames(List.of());
          v.setFeatureValues(List.of());
        },
        "the vector has no features");
    assertRefused(v -> v.setFeatureValues(List.of(1.0, Double.NaN)), "is NaN");
    assertRefused(v -> v.setFeatureNames(List.of("a.1h", "a.1h")), "feature a.1h twice");
    assertRefused(
        v -> v.setFeatureNames(List.of("a.1h", "window")), "\"window\" cannot be a field");
    assertRefused(v -> v.setFeatureNames(List.of("a.1h", "time")), "\"time\" cannot be a field");
    assertRefused(
        v -> v.setAsOf(Instant.parse("2263-01-01T00:00:00Z")), "outside InfluxDB's time range");
  }

  private void assertRefused(java.util.function.Consumer<FeatureVectorComputed> spoil, String why) {
    FeatureVectorComputed vector = FeatureVectors.agent("acme", "web", "a", "1h", AS_OF, 1, 2);
    spoil.accept(vector);
    assertThatThrownBy(() -> mapper.toPoint(vector))
        .isInstanceOf(UnprocessableRecordException.class)
        .hasMessageContaining(why)
        .hasMessageContaining(vector.getHeader().getEventId());
  }
}
