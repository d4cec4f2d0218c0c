package dev.agentos.command.context;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.context.api.SwitchContextCommand;
import dev.agentos.command.web.AgentOsHeaders;
import dev.agentos.command.web.CommandResponses;
import dev.agentos.events.agents.ApiKeyScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The active context of an agent session. */
@RestController
@RequestMapping("/v1/sessions")
@Tag(name = "sessions", description = "Choose a session's active context (MEMORY_WRITE scope)")
public class SessionController {

  private final CommandGateway commands;

  public SessionController(CommandGateway commands) {
    this.commands = commands;
  }

  @PutMapping("/{sessionId}/context")
  @RequiresScope(ApiKeyScope.MEMORY_WRITE)
  @Operation(
      summary = "Switch a session to another open context",
      description = "The first switch starts the session in the caller's tenant.")
  public ResponseEntity<CommandResult> switchContext(
      @PathVariable String sessionId,
      @Valid @RequestBody SwitchContextRequest body,
      Caller caller,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    return CommandResponses.ok(
        commands.sendAndWait(
            new SwitchContextCommand(
                sessionId, body.contextId(), CommandOrigin.of(caller, sessionId, traceId))));
  }
}
