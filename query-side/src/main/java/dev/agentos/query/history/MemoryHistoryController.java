package dev.agentos.query.history;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.web.NotFoundException;
import dev.agentos.readmodels.history.MemoryHistoryReader;
import dev.agentos.readmodels.history.MemoryVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every version of a memory, from the history read model: eventually consistent, like every read
 * here, a change shows once the projections have written it.
 */
@RestController
@RequestMapping("/v1/memories")
@Tag(name = "memories")
public class MemoryHistoryController {

  private final MemoryHistoryReader history;

  public MemoryHistoryController(MemoryHistoryReader history) {
    this.history = history;
  }

  @GetMapping("/{memoryId}/history")
  @RequiresScope(ApiKeyScope.MEMORY_READ)
  @Operation(
      summary = "A memory's history",
      description =
          "Every version of the memory, oldest first: version n is its state after its event n,"
              + " with the event's type, id, time and agent. A deleted memory keeps its history;"
              + " another tenant's memory, or another project's for a key bound to one, is 404.")
  public List<MemoryVersion> history(Caller caller, @PathVariable String memoryId) {
    List<MemoryVersion> versions = history.versions(caller.tenantId(), memoryId);
    // A memory never changes project: its first version says whose it is.
    if (versions.isEmpty() || !caller.mayRead(versions.get(0).projectId())) {
      throw new NotFoundException("no memory " + memoryId);
    }
    return versions;
  }
}
