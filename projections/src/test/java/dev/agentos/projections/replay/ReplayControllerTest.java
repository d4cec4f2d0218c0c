package dev.agentos.projections.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.agentos.auth.Caller;
import dev.agentos.auth.ForbiddenException;
import dev.agentos.events.agents.ApiKeyScope;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

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
  void byDefaultOnlyTheBootstrapTenantsAdminMayReplay() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    String configured = yaml.getObject().getProperty("agentos.projections.admin.operator-tenant");
    ReplayController controller = new ReplayController(replays, configured);

    assertThat(configured).isEqualTo("default");
    assertThatThrownBy(() -> controller.replay("memory-cassandra", adminOf("tenant-a")))
        .isInstanceOf(ForbiddenException.class);
    controller.progress("memory-cassandra", adminOf("default"));
    verify(replays).progress("memory-cassandra");
  }

  @Test
  void noTenantsAdminMayReplayWhenTheOperatorTenantIsBlank() {
    ReplayController controller = new ReplayController(replays, " ");

    assertThatThrownBy(() -> controller.replay("memory-cassandra", adminOf("tenant-a")))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> controller.replay("memory-cassandra", adminOf("")))
        .isInstanceOf(ForbiddenException.class);
    verifyNoInteractions(replays);
  }
}
