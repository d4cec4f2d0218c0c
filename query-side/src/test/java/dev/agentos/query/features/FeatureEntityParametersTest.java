package dev.agentos.query.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.auth.Caller;
import dev.agentos.auth.ForbiddenException;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.derived.FeatureEntity;
import dev.agentos.query.web.InvalidQueryException;
import dev.agentos.readmodels.features.FeatureEntityRef;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whose features a request reads: always in the key's tenant, never a project it may not. */
class FeatureEntityParametersTest {

  private static final Caller BOUND =
      new Caller("k", "t1", "p1", "a", Set.of(ApiKeyScope.QUERY_READ));
  private static final Caller ADMIN = new Caller("k", "t1", "p1", "a", Set.of(ApiKeyScope.ADMIN));

  @Test
  void anAgentOrSessionIsReadInTheKeysProjectUnlessAnotherIsAskedFor() {
    assertThat(FeatureEntityParameters.entity(BOUND, "agent", "a7", null))
        .isEqualTo(new FeatureEntityRef("t1", "p1", FeatureEntity.AGENT, "a7"));
    assertThat(FeatureEntityParameters.entity(ADMIN, "SESSION", " s1 ", "p2"))
        .isEqualTo(new FeatureEntityRef("t1", "p2", FeatureEntity.SESSION, "s1"));
    assertThatThrownBy(() -> FeatureEntityParameters.entity(BOUND, "AGENT", "a7", "p2"))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aProjectIsTheProjectReadOrTheOneItsIdNames() {
    assertThat(FeatureEntityParameters.entity(BOUND, "PROJECT", null, null))
        .isEqualTo(new FeatureEntityRef("t1", "p1", FeatureEntity.PROJECT, "p1"));
    assertThat(FeatureEntityParameters.entity(ADMIN, "PROJECT", "p2", null).projectId())
        .isEqualTo("p2");
    assertThatThrownBy(() -> FeatureEntityParameters.entity(BOUND, "PROJECT", "p2", null))
        .isInstanceOf(ForbiddenException.class);
    assertRefused(() -> FeatureEntityParameters.entity(ADMIN, "PROJECT", "p2", "p3"), "entityId");
  }

  @Test
  void aBadEntityIsRefusedNamingTheParameter() {
    assertRefused(() -> FeatureEntityParameters.entity(BOUND, null, "a", null), "entityType");
    assertRefused(
        () -> FeatureEntityParameters.entity(BOUND, "EXECUTION", "e", null), "entityType");
    assertRefused(() -> FeatureEntityParameters.entity(BOUND, "AGENT", " ", null), "entityId");
    assertRefused(() -> FeatureEntityParameters.window(null, true), "window");
    assertThat(FeatureEntityParameters.window(" ", false)).isNull();
  }

  private static void assertRefused(Runnable read, String field) {
    assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
