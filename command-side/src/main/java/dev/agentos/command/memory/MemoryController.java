package dev.agentos.command.memory;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.memory.api.AddRelationCommand;
import dev.agentos.command.memory.api.DeleteMemoryCommand;
import dev.agentos.command.memory.api.RemoveRelationCommand;
import dev.agentos.command.memory.api.StoreMemoryCommand;
import dev.agentos.command.memory.api.SupersedeMemoryCommand;
import dev.agentos.command.memory.api.UpdateMemoryCommand;
import dev.agentos.command.web.AgentOsHeaders;
import dev.agentos.command.web.CommandResponses;
import dev.agentos.command.web.IfMatch;
import dev.agentos.events.agents.ApiKeyScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Memories of the caller's tenant: store, change, supersede, forget and relate them. */
@RestController
@RequestMapping("/v1/memories")
@Tag(name = "memories", description = "Store and change memories (MEMORY_WRITE scope)")
public class MemoryController {

  private final CommandGateway commands;

  public MemoryController(CommandGateway commands) {
    this.commands = commands;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED) // documents the answer; the ResponseEntity sets it
  @RequiresScope(ApiKeyScope.MEMORY_WRITE)
  @Operation(summary = "Store a memory in an open context; answers its id and version 0")
  public ResponseEntity<CommandResult> store(
      @Valid @RequestBody StoreMemoryRequest body,
      Caller caller,
      @RequestHeader(value = AgentOsHeaders.SESSION, required = false) String sessionId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    StoreMemoryCommand command = storeCommand(body, CommandOrigin.of(caller, sessionId, traceId));
    CommandResult result = commands.sendAndWait(command);
    return CommandResponses.created("/v1/memories/" + command.memoryId(), result);
  }

  @PatchMapping("/{memoryId}")
  @RequiresScope(ApiKeyScope.MEMORY_WRITE)
  @Operation(
      summary = "Change some fields of a memory",
      description =
          "Absent fields keep their value. With If-Match, refused with 409 unless the memory is"
              + " still at that version. A patch that changes nothing answers the current version.")
  public ResponseEntity<CommandResult> update(
      @PathVariable String memoryId,
      @Valid @RequestBody UpdateMemoryRequest body,
      Caller caller,
      @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
      @RequestHeader(value = AgentOsHeaders.SESSION, required = false) String sessionId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    return CommandResponses.ok(
        commands.sendAndWait(
            new UpdateMemoryCommand(
                memoryId,
                IfMatch.expectedVersion(ifMatch),
                body.toPatch(),
                CommandOrigin.of(caller, sessionId, traceId))));
  }

  @PostMapping("/{memoryId}/supersede")
  @ResponseStatus(HttpStatus.CREATED) // documents the answer; the ResponseEntity sets it
  @RequiresScope(ApiKeyScope.MEMORY_WRITE)
  @Operation(
      summary = "Replace a memory by a new one",
      description =
          "Stores the new memory and marks this one superseded by it, both or neither. Answers"
              + " the new memory. If-Match applies to the memory being replaced.")
  public ResponseEntity<CommandResult> supersede(
      @PathVariable String memoryId,
      @Valid @RequestBody SupersedeMemoryRequest body,
      Caller caller,
      @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
      @RequestHeader(value = AgentOsHeaders.SESSION, required = false) String sessionId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    CommandOrigin origin = CommandOrigin.of(caller, sessionId, traceId);
    StoreMemoryCommand replacement = storeCommand(body.replacement(), origin);
    CommandResult result =
        commands.sendAndWait(
            new SupersedeMemoryCommand(
                memoryId, IfMatch.expectedVersion(ifMatch), replacement, body.reason(), origin));
    return CommandResponses.created("/v1/memories/" + replacement.memoryId(), result);
  }

  @DeleteMapping("/{memoryId}")
  @RequiresScope(ApiKeyScope.MEMORY_WRITE)
  @Operation(summary = "Forget a memory; its history stays in the event log")
  public ResponseEntity<CommandResult> delete(
      @PathVariable String memoryId,
      @RequestParam(required = false) String note,
      Caller caller,
      @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
      @RequestHeader(value = AgentOsHeaders.SESSION, required = false) String sessionId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    return CommandResponses.ok(
        commands.sendAndWait(
            new DeleteMemoryCommand(
                memoryId,
                IfMatch.expectedVersion(ifMatch),
                note,
                CommandOrigin.of(caller, sessionId, traceId))));
  }

  @PostMapping("/{memoryId}/relations")
  @ResponseStatus(HttpStatus.CREATED) // documents the answer; the ResponseEntity sets it
  @RequiresScope(ApiKeyScope.MEMORY_WRITE)
  @Operation(summary = "Relate a memory to another active memory of the tenant")
  public ResponseEntity<AddedRelation> relate(
      @PathVariable String memoryId,
      @Valid @RequestBody AddRelationRequest body,
      Caller caller,
      @RequestHeader(value = AgentOsHeaders.SESSION, required = false) String sessionId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    String relationId = UUID.randomUUID().toString();
    CommandResult result =
        commands.sendAndWait(
            new AddRelationCommand(
                memoryId,
                relationId,
                body.toMemoryId(),
                body.relationType(),
                Objects.requireNonNullElse(body.strength(), 1f),
                CommandOrigin.of(caller, sessionId, traceId)));
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/v1/memories/" + memoryId + "/relations/" + relationId))
        .eTag(IfMatch.etag(result.version()))
        .body(new AddedRelation(memoryId, relationId, result.version()));
  }

  @DeleteMapping("/{memoryId}/relations/{relationId}")
  @RequiresScope(ApiKeyScope.MEMORY_WRITE)
  @Operation(summary = "Remove a relation of a memory")
  public ResponseEntity<CommandResult> unrelate(
      @PathVariable String memoryId,
      @PathVariable String relationId,
      @RequestParam(required = false) String reason,
      Caller caller,
      @RequestHeader(value = AgentOsHeaders.SESSION, required = false) String sessionId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    return CommandResponses.ok(
        commands.sendAndWait(
            new RemoveRelationCommand(
                memoryId, relationId, reason, CommandOrigin.of(caller, sessionId, traceId))));
  }

  static StoreMemoryCommand storeCommand(StoreMemoryRequest body, CommandOrigin origin) {
    String memoryId =
        Objects.requireNonNullElseGet(body.memoryId(), () -> UUID.randomUUID().toString());
    return new StoreMemoryCommand(memoryId, body.contextId(), body.toContent(), origin);
  }
}
