package dev.agentos.flink.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.derived.FeatureEntity;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class FeatureKeyTest {

  private final TestActivities acme = new TestActivities("acme", "web", "agent-7");

  @Test
  void keysAnActivityByItsAgentSessionAndProjectWithinItsTenant() throws Exception {
    Activity turn = acme.turn("s-1", 1, 1, 1);

    assertThat(FeatureKey.AGENT.getKey(turn))
        .isEqualTo(new FeatureKey("AGENT", "acme", "web", "agent-7", null));
    assertThat(FeatureKey.SESSION.getKey(turn))
        .isEqualTo(new FeatureKey("SESSION", "acme", "web", null, "s-1"));
    assertThat(FeatureKey.PROJECT.getKey(turn))
        .isEqualTo(new FeatureKey("PROJECT", "acme", "web", null, null));
  }

  @Test
  void entityIdsAreScopedByTenantAndProject() throws Exception {
    Activity turn = acme.turn("s-1", 1, 1, 1);

    assertThat(FeatureKey.AGENT.getKey(turn).entityId()).isEqualTo("acme/web/agent-7");
    assertThat(FeatureKey.SESSION.getKey(turn).entityId()).isEqualTo("acme/web/s-1");
    assertThat(FeatureKey.PROJECT.getKey(turn).entityId()).isEqualTo("acme/web");
    assertThat(FeatureKey.SESSION.getKey(turn).entity()).isEqualTo(FeatureEntity.SESSION);
  }

  @Test
  void slashesInIdsCannotMakeOneEntityPassForAnother() {
    FeatureKey slashInTenant = new FeatureKey("AGENT", "a/b", "c", "d", null);
    FeatureKey slashInAgent = new FeatureKey("AGENT", "a", "b", "c/d", null);
    FeatureKey escapeLookalike = new FeatureKey("AGENT", "a%2Fb", "c", "d", null);

    assertThat(slashInTenant.entityId()).isEqualTo("a%2Fb/c/d");
    assertThat(slashInAgent.entityId()).isEqualTo("a/b/c%2Fd");
    assertThat(escapeLookalike.entityId()).isEqualTo("a%252Fb/c/d");
  }

  @Test
  void hashCodeIsTheSpecifiedOneFlinkCanRestoreBy() {
    FeatureKey key = new FeatureKey("SESSION", "acme", "web", null, "s-1");

    assertThat(key.hashCode()).isEqualTo(Objects.hash("SESSION", "acme", "web", null, "s-1"));
  }
}
