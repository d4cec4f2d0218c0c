package dev.agentos.projections.replay;

import dev.agentos.auth.Caller;
import dev.agentos.auth.ForbiddenException;
import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/replay/{readModel}} rebuilds a read model from the first offset; {@code GET}
 * tells how far it has come. Both want an {@code ADMIN} key, checked by api-auth's interceptor
 * (401/403 as on the HTTP APIs); errors are problem+json ({@link AdminProblemHandler}).
 *
 * <p>A replay rebuilds a read model for every tenant, which is more than one tenant's admin should
 * decide. So only the admin keys of {@code operatorTenant} may replay: by default the tenant the
 * command side bootstraps ({@value #BOOTSTRAP_TENANT}), whose admin key {@code ./agentos up} shows.
 */
@RestController
@RequestMapping("/admin/replay")
public class ReplayController {

  /** The command side's {@code agentos.bootstrap.tenant-id} unless configured otherwise. */
  static final String BOOTSTRAP_TENANT = "default";

  private final Replays replays;
  private final String operatorTenant;

  public ReplayController(
      Replays replays,
      @Value("${agentos.projections.admin.operator-tenant:" + BOOTSTRAP_TENANT + "}")
          String operatorTenant) {
    this.replays = replays;
    this.operatorTenant = operatorTenant == null ? "" : operatorTenant.strip();
  }

  @PostMapping("/{readModel}")
  @RequiresScope(ApiKeyScope.ADMIN)
  ResponseEntity<ReplayProgress> replay(@PathVariable String readModel, Caller caller) {
    requireOperator(caller);
    ReplayProgress progress = replays.replay(readModel);
    return ResponseEntity.accepted()
        .location(URI.create("/admin/replay/" + readModel))
        .body(progress);
  }

  @GetMapping("/{readModel}")
  @RequiresScope(ApiKeyScope.ADMIN)
  ReplayProgress progress(@PathVariable String readModel, Caller caller) {
    requireOperator(caller);
    return replays.progress(readModel);
  }

  private void requireOperator(Caller caller) {
    if (operatorTenant.isEmpty() || !operatorTenant.equals(caller.tenantId())) {
      throw new ForbiddenException(
          "only an admin key of the operator tenant may replay a read model of every tenant");
    }
  }
}
