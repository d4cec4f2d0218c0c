package dev.agentos.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.auth.Caller;
import dev.agentos.auth.ForbiddenException;
import dev.agentos.events.agents.ApiKeyScope;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whose data a learning read reads: the project asked for, else the key's; never one it may not.
 */
class ProjectScopeTest {

  private static final Caller BOUND =
      new Caller("k", "t1", "p1", "a", Set.of(ApiKeyScope.QUERY_READ));
  private static final Caller ADMIN = new Caller("k", "t1", "p1", "a", Set.of(ApiKeyScope.ADMIN));
  private static final Caller UNBOUND =
      new Caller("k", "t1", null, "a", Set.of(ApiKeyScope.QUERY_READ));

  @Test
  void withoutAProjectTheKeysIsRead() {
    assertThat(ProjectScope.project(BOUND, null)).isEqualTo("p1");
    assertThat(ProjectScope.project(BOUND, " ")).isEqualTo("p1");
  }

  @Test
  void aKeyBoundToAProjectAsksForNoOther() {
    assertThat(ProjectScope.project(BOUND, "p1")).isEqualTo("p1");
    assertThatThrownBy(() -> ProjectScope.project(BOUND, "p2"))
        .isInstanceOf(ForbiddenException.class);
    assertThat(ProjectScope.project(ADMIN, "p2")).isEqualTo("p2");
    assertThat(ProjectScope.project(UNBOUND, " p2 ")).isEqualTo("p2");
  }

  @Test
  void aKeyOfNoProjectMustNameOne() {
    assertThatThrownBy(() -> ProjectScope.project(UNBOUND, null))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("projectId: ");
  }
}
