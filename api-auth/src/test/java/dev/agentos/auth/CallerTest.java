package dev.agentos.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.events.agents.ApiKeyScope;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void aKeyBoundToAProjectReadsThatProjectOnly() {
    Caller reader = new Caller("k", "t", "p1", "a", Set.of(ApiKeyScope.MEMORY_READ));

    assertThat(reader.mayRead("p1")).isTrue();
    assertThat(reader.mayRead("p2")).isFalse();
    assertThat(reader.readsAnyProject()).isFalse();
    assertThat(reader.requireReadable("p1")).isEqualTo("p1");
    assertThatThrownBy(() -> reader.requireReadable("p2"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("\"p1\"")
        .hasMessageContaining("\"p2\"");
  }

  @Test
  void anAdminKeyOrAKeyOfNoProjectReadsEveryProjectOfItsTenant() {
    Caller admin = new Caller("k", "t", "p1", "a", Set.of(ApiKeyScope.ADMIN));
    Caller unbound = new Caller("k", "t", null, "a", Set.of(ApiKeyScope.MEMORY_READ));

    assertThat(admin.mayRead("p2")).isTrue();
    assertThat(unbound.mayRead("p2")).isTrue();
    assertThat(admin.readsAnyProject()).isTrue();
    assertThat(unbound.readsAnyProject()).isTrue();
  }

  @Test
  void anAdminKeyMayDoEverythingButDriveExecutions() {
    Caller admin = new Caller("k", "t", "p1", "a", Set.of(ApiKeyScope.ADMIN));

    assertThat(admin.may(ApiKeyScope.MEMORY_WRITE)).isTrue();
    assertThat(admin.may(ApiKeyScope.EXECUTIONS_RUN)).isTrue();
    assertThat(admin.may(ApiKeyScope.EXECUTOR)).isFalse();
    assertThat(admin.isExecutor()).isFalse();
  }

  @Test
  void anExecutorKeyMayDriveExecutionsAndNothingElse() {
    Caller executor = new Caller("k", "t", "p1", "x", Set.of(ApiKeyScope.EXECUTOR));

    assertThat(executor.may(ApiKeyScope.EXECUTOR)).isTrue();
    assertThat(executor.isExecutor()).isTrue();
    assertThat(executor.may(ApiKeyScope.EXECUTIONS_RUN)).isFalse();
    assertThat(executor.may(ApiKeyScope.QUERY_READ)).isFalse();
    assertThat(executor.may(ApiKeyScope.ADMIN)).isFalse();
  }
}
