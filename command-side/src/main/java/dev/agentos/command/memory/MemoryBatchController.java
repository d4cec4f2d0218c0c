package dev.agentos.command.memory;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.command.CommandBatch;
import dev.agentos.command.CommandOrigin;
import dev.agentos.command.web.AgentOsHeaders;
import dev.agentos.events.agents.ApiKeyScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stores many memories in one request and one transaction, for agents that import or sync many at
 * once: each is still a {@code StoreMemoryCommand} with every rule of a single store.
 */
@RestController
@Tag(name = "memories")
public class MemoryBatchController {

  private final CommandBatch batch;

  public MemoryBatchController(CommandBatch batch) {
    this.batch = batch;
  }

  @PostMapping("/v1/memories/batch")
  @ResponseStatus(HttpStatus.CREATED)
  @RequiresScope(ApiKeyScope.MEMORY_WRITE)
  @Operation(
      summary = "Store up to 500 memories at once: all or none",
      description =
          "Each memory is checked as by POST /v1/memories; one refusal refuses the batch, and the"
              + " error's field names it, e.g. memories[3].contextId.")
  public StoredMemories storeAll(
      @Valid @RequestBody StoreMemoriesRequest body,
      Caller caller,
      @RequestHeader(value = AgentOsHeaders.SESSION, required = false) String sessionId,
      @RequestHeader(value = AgentOsHeaders.TRACE, required = false) String traceId) {
    CommandOrigin origin = CommandOrigin.of(caller, sessionId, traceId);
    return new StoredMemories(
        batch.sendAll(
            "memories",
            body.memories().stream()
                .map(memory -> MemoryController.storeCommand(memory, origin))
                .toList()));
  }
}
