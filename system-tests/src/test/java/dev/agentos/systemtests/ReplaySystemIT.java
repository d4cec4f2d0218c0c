package dev.agentos.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.agentos.client.AgentOsApiException;
import dev.agentos.client.ReplayApi;
import dev.agentos.client.admin.ReplayProgress;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./agentos replay} and {@code bench replay} as they call the running projections, through
 * the one client: an operator's admin key rebuilds a read model and follows it to the end, and
 * another tenant's admin is refused with the reason.
 */
@ExtendWith(LocalStackExtension.class)
class ReplaySystemIT {

  /** The tenant the projections let replay ({@code agentos.projections.admin.operator-tenant}). */
  private static final String OPERATOR_TENANT = "default";

  @Test
  void anOperatorReplaysAReadModelToTheEnd(StackEndpoints stack) {
    Tenants tenants = new Tenants(stack);
    ReplayApi replays =
        tenants.client(tenants.newKey(OPERATOR_TENANT, "st-project", "ADMIN")).replays();

    ReplayProgress started = replays.start("metrics-influx");

    assertThat(started.readModel()).isEqualTo("metrics-influx");
    assertThat(started.processor()).isNotBlank();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> replays.progress("metrics-influx").isDone());
  }

  @Test
  void anotherTenantsAdminIsRefusedWithTheReason(StackEndpoints stack) {
    Tenants tenants = new Tenants(stack);
    ReplayApi replays =
        tenants
            .client(tenants.newKey("st-admin-" + UUID.randomUUID(), "st-project", "ADMIN"))
            .replays();

    AgentOsApiException refused =
        catchThrowableOfType(AgentOsApiException.class, () -> replays.progress("memory-search"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.detail()).hasValueSatisfying(d -> assertThat(d).contains("operator tenant"));
  }
}
