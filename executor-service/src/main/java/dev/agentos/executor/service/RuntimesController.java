package dev.agentos.executor.service;

import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.executor.sandbox.Isolation;
import dev.agentos.executor.sandbox.Runtime;
import dev.agentos.executor.sandbox.SandboxRunner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What this executor can run, and how runs are isolated and limited here. */
@RestController
@Tag(name = "runtimes", description = "What the executor runs, and how (EXECUTIONS_RUN scope)")
public class RuntimesController {

  private final List<Runtime> runtimes;
  private final SandboxRunner sandbox;

  public RuntimesController(List<Runtime> runtimes, SandboxRunner sandbox) {
    this.runtimes = runtimes;
    this.sandbox = sandbox;
  }

  @GetMapping("/v1/runtimes")
  @RequiresScope(ApiKeyScope.EXECUTIONS_RUN)
  @Operation(
      summary = "The languages this executor runs, with versions, and the isolation in force",
      description =
          "Languages are found at start in the system folders a sandbox sees; a request in another"
              + " language fails with the reason. The isolation says what separates runs from the"
              + " host and from each other, and whether cgroups or rlimits enforce the limits.")
  public RuntimesView runtimes() {
    Isolation isolation = sandbox.isolation();
    return new RuntimesView(
        runtimes.stream()
            .map(r -> new RuntimeView(r.language().id(), r.version(), r.language().sourceFile()))
            .toList(),
        new IsolationView(isolation.sandbox(), isolation.limits(), isolation.user()));
  }

  /** The answer of GET /v1/runtimes. */
  public record RuntimesView(List<RuntimeView> runtimes, IsolationView isolation) {}

  /**
   * @param language the name to request it by, e.g. "python"
   * @param version what the runtime says its version is
   * @param sourceFile the file a request's code is placed in
   */
  public record RuntimeView(String language, String version, String sourceFile) {}

  /**
   * @param sandbox what separates a run from the host and other runs
   * @param limits what enforces the limits: cgroups, or rlimits alone
   * @param user whom a run runs as
   */
  public record IsolationView(String sandbox, String limits, String user) {}
}
