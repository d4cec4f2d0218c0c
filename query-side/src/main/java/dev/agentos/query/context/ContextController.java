package dev.agentos.query.context;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.web.NotFoundException;
import dev.agentos.readmodels.context.ContextView;
import dev.agentos.readmodels.context.SessionContext;
import dev.agentos.readmodels.memory.MemoryReadModelQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Contexts and each session's active context, within the caller's tenant. */
@RestController
@Tag(name = "contexts", description = "Read contexts and the context a session works in")
public class ContextController {

  private final MemoryReadModelQueries queries;

  public ContextController(MemoryReadModelQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/v1/contexts/{contextId}")
  @RequiresScope(ApiKeyScope.MEMORY_READ)
  @Operation(
      summary = "A context with its members",
      description =
          "Another tenant's context, or another project's for a key bound to one, is 404.")
  public ContextResponse context(Caller caller, @PathVariable String contextId) {
    return queries
        .context(caller.tenantId(), contextId)
        .filter(c -> caller.mayRead(c.projectId()))
        .map(ContextResponse::of)
        .orElseThrow(() -> new NotFoundException("no context " + contextId));
  }

  @GetMapping("/v1/sessions/{sessionId}/context")
  @RequiresScope(ApiKeyScope.MEMORY_READ)
  @Operation(
      summary = "The context a session works in",
      description =
          "404 when the session never switched to a context, or its context is another"
              + " project's and the key is bound to one.")
  public SessionContextResponse sessionContext(Caller caller, @PathVariable String sessionId) {
    SessionContext active =
        queries
            .activeContext(caller.tenantId(), sessionId)
            .orElseThrow(
                () -> new NotFoundException("session " + sessionId + " has no active context"));
    Optional<ContextView> context = queries.context(caller.tenantId(), active.contextId());
    if (context.isPresent() && !caller.mayRead(context.get().projectId())) {
      throw new NotFoundException("session " + sessionId + " has no active context");
    }
    return new SessionContextResponse(
        sessionId,
        active.contextId(),
        active.previousContextId(),
        active.switchedAt(),
        context.map(ContextResponse::of).orElse(null));
  }
}
