package dev.agentos.readmodels.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.events.derived.FeatureEntity;
import org.junit.jupiter.api.Test;

/**
 * Entity ids as the features job writes them (flink-jobs' FeatureKey.entityId, whose tests pin the
 * same strings): scope first, each part's {@code %} and {@code /} escaped.
 */
class FeatureEntityIdsTest {

  @Test
  void anAgentOrSessionIsScopedByTenantAndProject() {
    assertThat(FeatureEntityIds.of(FeatureEntity.AGENT, "t1", "p1", "a1")).isEqualTo("t1/p1/a1");
    assertThat(FeatureEntityIds.of(FeatureEntity.SESSION, "t1", "p1", "s1")).isEqualTo("t1/p1/s1");
    assertThat(FeatureEntityIds.of(FeatureEntity.PROJECT, "t1", "p1", "p1")).isEqualTo("t1/p1");
  }

  @Test
  void noIdWithASlashPassesForAnotherEntitys() {
    assertThat(FeatureEntityIds.of(FeatureEntity.AGENT, "t/1", "p%", "a/b"))
        .isEqualTo("t%2F1/p%25/a%2Fb");
    assertThat(FeatureEntityIds.of(FeatureEntity.AGENT, "t1", "p1", "x/a1"))
        .isNotEqualTo(FeatureEntityIds.of(FeatureEntity.AGENT, "t1", "p1/x", "a1"));
  }

  @Test
  void onlyTheEntitiesTheJobComputesHaveIds() {
    assertThatThrownBy(() -> FeatureEntityIds.of(FeatureEntity.EXECUTION, "t", "p", "e"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
