package dev.agentos.query.anomalies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.auth.Caller;
import dev.agentos.auth.ForbiddenException;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.web.InvalidQueryException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whose anomalies a request reads: the project asked for, else the key's; never one it may not. */
class AnomalyScopeTest {

  private static final Caller BOUND =
      new Caller("k", "t1", "p1", "a", Set.of(ApiKeyScope.QUERY_READ));
  private static final Caller ADMIN = new Caller("k", "t1", "p1", "a", Set.of(ApiKeyScope.ADMIN));
  private static final Caller UNBOUND =
      new Caller("k", "t1", null, "a", Set.of(ApiKeyScope.QUERY_READ));

  @Test
  void withoutAProjectTheKeysIsRead() {
    assertThat(AnomalyScope.project(BOUND, null)).isEqualTo("p1");
    assertThat(AnomalyScope.project(BOUND, " ")).isEqualTo("p1");
  }

  @Test
  void aKeyBoundToAProjectAsksForNoOther() {
    assertThat(AnomalyScope.project(BOUND, "p1")).isEqualTo("p1");
    assertThatThrownBy(() -> AnomalyScope.project(BOUND, "p2"))
        .isInstanceOf(ForbiddenException.class);
    assertThat(AnomalyScope.project(ADMIN, "p2")).isEqualTo("p2");
    assertThat(AnomalyScope.project(UNBOUND, " p2 ")).isEqualTo("p2");
  }

  @Test
  void aKeyOfNoProjectMustNameOne() {
    assertThatThrownBy(() -> AnomalyScope.project(UNBOUND, null))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("projectId: ");
  }
}
