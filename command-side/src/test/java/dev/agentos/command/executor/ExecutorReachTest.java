package dev.agentos.command.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.auth.Caller;
import dev.agentos.auth.ForbiddenException;
import dev.agentos.auth.InvalidContextIdException;
import dev.agentos.command.CommandOrigin;
import dev.agentos.events.agents.ApiKeyScope;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The executor's key reaches the tenant it names, and no other key reaches across tenants. */
class ExecutorReachTest {

  private static final Caller EXECUTOR =
      new Caller("k", "platform", "ops", "executor-1", Set.of(ApiKeyScope.EXECUTOR));

  private final ExecutorReach reach = new ExecutorReach("platform");

  @Test
  void theExecutorsKeyReachesEveryProjectOfTheTenantItNames() {
    CommandOrigin origin = reach.of(EXECUTOR, "tenant-b", "trace-1");

    assertThat(origin.tenantId()).isEqualTo("tenant-b");
    assertThat(origin.agentId()).isEqualTo("executor-1");
    assertThat(origin.traceId()).isEqualTo("trace-1");
    assertThat(origin.reaches("tenant-b", "any-project")).isTrue();
    assertThat(origin.reaches("platform", "ops")).isFalse();
  }

  @Test
  void theTenantMustBeNamedAndFitAStreamId() {
    assertThatThrownBy(() -> reach.of(EXECUTOR, null, null))
        .isInstanceOfSatisfying(
            InvalidContextIdException.class, e -> assertThat(e.field()).isEqualTo("X-Tenant-Id"));
    assertThatThrownBy(() -> reach.of(EXECUTOR, "t".repeat(101), null))
        .isInstanceOf(InvalidContextIdException.class)
        .hasMessageContaining("at most 100 characters");
  }

  @Test
  void anExecutorKeyOfAnotherTenantThanThePlatformsIsRefused() {
    Caller stray = new Caller("k", "tenant-b", "p", "x", Set.of(ApiKeyScope.EXECUTOR));

    assertThatThrownBy(() -> reach.of(stray, "tenant-c", null))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("platform tenant");
  }

  @Test
  void noOtherKeyGetsThePlatformReachEvenAnAdminOfThePlatformTenant() {
    Caller admin = new Caller("k", "platform", "ops", "admin", Set.of(ApiKeyScope.ADMIN));

    assertThatThrownBy(() -> reach.of(admin, "tenant-b", null))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> CommandOrigin.platformService(admin, "tenant-b", null))
        .isInstanceOf(ForbiddenException.class);
  }
}
