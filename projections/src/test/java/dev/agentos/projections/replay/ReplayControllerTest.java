package dev.agentos.projections.replay;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.agentos.auth.Caller;
import dev.agentos.auth.ForbiddenException;
import dev.agentos.events.agents.ApiKeyScope;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayControllerTest {

  private final Replays replays = mock(Replays.class);

  private static Caller adminOf(String tenant) {
    return new Caller("key", tenant, null, null, Set.of(ApiKeyScope.ADMIN));
  }

  @Test
  void anOtherTenantsAdminMayNotReplayWhenAnOperatorTenantIsSet() {
    ReplayController controller = new ReplayController(replays, "operator");

    assertThatThrownBy(() -> controller.replay("memory-cassandra", adminOf("tenant-a")))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("operator tenant");
    assertThatThrownBy(() -> controller.progress("memory-cassandra", adminOf("tenant-a")))
        .isInstanceOf(ForbiddenException.class);
    verifyNoInteractions(replays);
  }

  @Test
  void theOperatorTenantsAdminMayReplay() {
    new ReplayController(replays, " operator ").replay("memory-cassandra", adminOf("operator"));

    verify(replays).replay("memory-cassandra");
  }

  @Test
  void anyTenantsAdminMayReplayWhenNoOperatorTenantIsSet() {
    new ReplayController(replays, "").progress("memory-cassandra", adminOf("tenant-a"));

    verify(replays).progress("memory-cassandra");
  }
}
