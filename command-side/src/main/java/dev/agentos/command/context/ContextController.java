package dev.agentos.command.context;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.context.api.CreateContextCommand;
import dev.agentos.command.context.api.MergeContextsCommand;
import dev.agentos.command.web.AgentOsHeaders;
import dev.agentos.command.web.CommandResponses;
import dev.agentos.events.agents.ApiKeyScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Contexts of the caller's tenant: create them and merge them. */
@RestController
@RequestMapping("/v1/contexts")
@Tag(name = "contexts", description = "Create and merge memory contexts (MEMORY_WRITE scope)")
public class ContextController {

  private final CommandGateway commands;

  public ContextController(CommandGateway commands) {
    this.commands = commands;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED) // documents the answer; the ResponseEntity sets it
  @RequiresScope(ApiKeyScope.MEMORY_WRITE)
  @Operation(summary = "Create a context in the caller's project")
  public ResponseEntity<CommandResult> create(
      @Valid @RequestBody CreateContextRequest body,
      Caller caller,
      @RequestHeader(value = AgentOsHeaders.SESSION, required = false) String sessionId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    String contextId = idOr(body.contextId());
    CommandResult result =
        commands.sendAndWait(
            new CreateContextCommand(
                contextId,
                body.name(),
                body.description(),
                body.parentContextId(),
                body.tags(),
                CommandOrigin.of(caller, sessionId, traceId)));
    return CommandResponses.created("/v1/contexts/" + contextId, result);
  }

  @PostMapping("/merge")
  @ResponseStatus(HttpStatus.CREATED) // documents the answer; the ResponseEntity sets it
  @RequiresScope(ApiKeyScope.MEMORY_WRITE)
  @Operation(
      summary = "Merge contexts into a new one",
      description =
          "The memories of the sources move into the new context under their own ids; of the"
              + " active memories with the same content only the oldest is kept. The sources are"
              + " closed: later stores, switches and merges refuse them.")
  public ResponseEntity<CommandResult> merge(
      @Valid @RequestBody MergeContextsRequest body,
      Caller caller,
      @RequestHeader(value = AgentOsHeaders.SESSION, required = false) String sessionId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    String targetId = idOr(body.targetContextId());
    CommandResult result =
        commands.sendAndWait(
            new MergeContextsCommand(
                targetId,
                body.sourceContextIds(),
                body.name(),
                CommandOrigin.of(caller, sessionId, traceId)));
    return CommandResponses.created("/v1/contexts/" + targetId, result);
  }

  private static String idOr(String given) {
    return Objects.requireNonNullElseGet(given, () -> UUID.randomUUID().toString());
  }
}
