package dev.agentos.projections.replay;

import dev.agentos.auth.ApiKeyDirectory;
import dev.agentos.auth.Caller;
import dev.agentos.events.agents.ApiKeyScope;
import java.time.Clock;
import java.util.Optional;

/**
 * Who may replay: a valid key (looked up as both HTTP APIs do, through {@link ApiKeyDirectory})
 * with the {@code ADMIN} scope.
 *
 * <p>A replay rebuilds a read model for every tenant, which is more than one tenant's admin should
 * decide. So when {@code operatorTenant} is set, only that tenant's admin keys may replay; left
 * empty (a one-tenant local stack), any tenant's admin key may.
 */
public final class AdminKeys {

  private final ApiKeyDirectory directory;
  private final Clock clock;
  private final String operatorTenant;

  public AdminKeys(ApiKeyDirectory directory, Clock clock, String operatorTenant) {
    this.directory = directory;
    this.clock = clock;
    this.operatorTenant = operatorTenant == null ? "" : operatorTenant.strip();
  }

  /** Why a key may not replay: {@code unauthenticated} for no valid key, else forbidden. */
  public record Refusal(boolean unauthenticated, String reason) {}

  /** Why {@code key} may not replay, or null when it may. */
  public Refusal refusal(String key) {
    if (key == null || key.isBlank()) {
      return new Refusal(
          true, "no admin key: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");
    }
    Optional<Caller> caller = directory.authenticate(key, clock.instant());
    if (caller.isEmpty()) {
      return new Refusal(true, "the API key is unknown, revoked or expired");
    }
    if (!caller.get().scopes().contains(ApiKeyScope.ADMIN)) {
      return new Refusal(false, "the API key has no ADMIN scope");
    }
    if (!operatorTenant.isEmpty() && !operatorTenant.equals(caller.get().tenantId())) {
      return new Refusal(
          false,
          "only an admin key of the operator tenant may replay a read model of every tenant");
    }
    return null;
  }
}
