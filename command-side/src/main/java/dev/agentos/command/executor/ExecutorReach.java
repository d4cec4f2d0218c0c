package dev.agentos.command.executor;

import dev.agentos.auth.Caller;
import dev.agentos.auth.ForbiddenException;
import dev.agentos.auth.InvalidContextIdException;
import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandSideProperties;
import dev.agentos.schemas.streams.StreamIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The reach of the executor's key: every tenant, one at a time, the one each request names in
 * {@value #TENANT} (the tenant of the execution's events). Such a key is the platform's, not a
 * tenant's: only the platform tenant's admin ({@code agentos.bootstrap.tenant-id}) may issue it,
 * and a key with the scope in any other tenant is refused here too, whoever issued it.
 */
@Component
public class ExecutorReach {

  /** The header that names the tenant of the execution or verification a request is about. */
  public static final String TENANT = "X-Tenant-Id";

  private final String platformTenant;

  @Autowired
  public ExecutorReach(CommandSideProperties properties) {
    this(properties.bootstrap().tenantId());
  }

  public ExecutorReach(String platformTenant) {
    this.platformTenant = platformTenant;
  }

  /** The tenant whose admins may issue executor keys. */
  public String platformTenant() {
    return platformTenant;
  }

  /** The origin of the executor's command about an item of {@code tenantId}. */
  public CommandOrigin of(Caller executor, String tenantId, String traceId) {
    if (!platformTenant.equals(executor.tenantId())) {
      throw new ForbiddenException(
          "an executor key must be the platform tenant's; this one is of \""
              + executor.tenantId()
              + "\"");
    }
    if (tenantId == null || tenantId.isBlank()) {
      throw new InvalidContextIdException(TENANT, "name the tenant of the execution");
    }
    if (tenantId.length() > StreamIds.MAX_TENANT_LENGTH) {
      throw new InvalidContextIdException(
          TENANT, "must be at most " + StreamIds.MAX_TENANT_LENGTH + " characters");
    }
    return CommandOrigin.platformService(executor, tenantId, traceId);
  }
}
