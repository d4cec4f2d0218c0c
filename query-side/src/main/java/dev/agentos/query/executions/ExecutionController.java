package dev.agentos.query.executions;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.web.NotFoundException;
import dev.agentos.query.web.ProjectScope;
import dev.agentos.query.web.SessionListParameters;
import dev.agentos.readmodels.executions.Execution;
import dev.agentos.readmodels.executions.ExecutionReader;
import dev.agentos.readmodels.executions.ExecutionSummary;
import dev.agentos.readmodels.memory.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The executions agents asked the sandbox to run, from the executions read model, as fresh as the
 * {@code executions-cassandra} projection: what {@code POST /v1/executions} answers in its {@code
 * Location}. Scoped like every learning read ({@link ProjectScope}): the key's tenant, the project
 * asked for or else the key's; another tenant's or project's execution is 404, exactly as an
 * unknown one. Executions want {@code QUERY_READ}, the scope of what the query side derives.
 */
@RestController
@RequestMapping("/v1/executions")
@Tag(name = "executions", description = "Code runs in the sandbox and how they ended")
public class ExecutionController {

  private final ExecutionReader executions;

  public ExecutionController(ExecutionReader executions) {
    this.executions = executions;
  }

  @GetMapping("/{executionId}")
  @RequiresScope(ApiKeyScope.QUERY_READ)
  @Operation(
      operationId = "execution",
      summary = "An execution by id",
      description =
          "The execution in the project (the request's, else the API key's): QUEUED once"
              + " requested, RUNNING once a sandbox started it, then how it ended, with its"
              + " runtime, timings, resource use, output excerpts and the names (never the"
              + " values) of its environment variables. Fields of what has not happened (or not"
              + " been projected) yet are left out. Another tenant's or project's execution is"
              + " 404, as an unknown id.")
  public Execution execution(
      Caller caller,
      @PathVariable String executionId,
      @RequestParam(required = false) String projectId) {
    String project = ProjectScope.project(caller, projectId);
    return executions
        .execution(caller.tenantId(), project, executionId)
        .orElseThrow(() -> new NotFoundException("no execution " + executionId));
  }

  @GetMapping
  @RequiresScope(ApiKeyScope.QUERY_READ)
  @Operation(
      operationId = "sessionExecutions",
      summary = "A session's executions",
      description =
          "The executions requested in a session of the project (the request's, else the API"
              + " key's), newest request first, each with its status and timings; GET"
              + " /v1/executions/{id} answers its output. Paged: pass nextCursor back as cursor"
              + " with the same sessionId; a null nextCursor ends the list. A session with none"
              + " (another tenant's or project's included) is an empty list.")
  public ExecutionPage sessionExecutions(
      Caller caller,
      @RequestParam(required = false) String projectId,
      @Parameter(description = "the session whose executions to list (required)")
          @RequestParam(required = false)
          String sessionId,
      @Parameter(description = "page size, 1 to 200 (default 50)") @RequestParam(required = false)
          Integer limit,
      @Parameter(description = "the nextCursor of the previous page")
          @RequestParam(required = false)
          String cursor) {
    String project = ProjectScope.project(caller, projectId);
    Page<ExecutionSummary> page =
        executions.bySession(
            caller.tenantId(),
            project,
            SessionListParameters.sessionId(sessionId),
            SessionListParameters.limit(limit),
            SessionListParameters.cursor(cursor));
    return new ExecutionPage(page.items(), page.nextCursor());
  }
}
