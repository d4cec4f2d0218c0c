package dev.agentos.query.memory;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.memory.MemoryAccessKind;
import dev.agentos.query.access.AccessRecorder;
import dev.agentos.query.access.AccessScope;
import dev.agentos.query.web.NotBuiltYetException;
import dev.agentos.query.web.NotFoundException;
import dev.agentos.readmodels.memory.MemoryReadModelQueries;
import dev.agentos.readmodels.memory.MemoryRow;
import dev.agentos.readmodels.memory.MemoryState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads memories from the Cassandra read model, always within the caller's tenant: another tenant's
 * memory is "not found", never "forbidden", so ids do not leak across tenants; so is another
 * project's for a key bound to a project ({@link Caller#mayRead}).
 */
@RestController
@RequestMapping("/v1/memories")
@Tag(name = "memories", description = "Read memories by id and list them")
public class MemoryController {

  private final MemoryReadModelQueries queries;
  private final MemoryLister lister;
  private final ObjectProvider<MemoryAsOfReader> asOfReader;
  private final AccessRecorder accessRecorder;
  private final Clock clock;

  public MemoryController(
      MemoryReadModelQueries queries,
      MemoryLister lister,
      ObjectProvider<MemoryAsOfReader> asOfReader,
      AccessRecorder accessRecorder,
      Clock clock) {
    this.queries = queries;
    this.lister = lister;
    this.asOfReader = asOfReader;
    this.accessRecorder = accessRecorder;
    this.clock = clock;
  }

  @GetMapping("/{memoryId}")
  @RequiresScope(ApiKeyScope.MEMORY_READ)
  @Operation(
      summary = "A memory by id",
      description =
          "The memory as the read model holds it now (ACTIVE or SUPERSEDED), its version as ETag."
              + " A deleted or expired memory, another tenant's, or another project's for a key"
              + " bound to a project, is 404.")
  public ResponseEntity<MemoryView> memory(
      Caller caller,
      @PathVariable String memoryId,
      @Parameter(description = "ISO-8601 instant: the memory as it was then, from its events")
          @RequestParam(required = false)
          Instant asOf,
      @Parameter(description = "the agent session reading, recorded with the read")
          @RequestHeader(name = "X-Session-Id", required = false)
          String sessionId) {
    MemoryView view = asOf == null ? current(caller, memoryId) : asOf(caller, memoryId, asOf);
    if (!caller.mayRead(view.projectId())) {
      throw unknown(memoryId); // as for another tenant's
    }
    // A read by id is scoped to no context; only reads that found the memory are recorded.
    accessRecorder.record(
        AccessScope.of(caller, sessionId), List.of(view.id()), MemoryAccessKind.GET, null, null);
    return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
  }

  @GetMapping
  @RequiresScope(ApiKeyScope.MEMORY_READ)
  @Operation(
      summary = "List memories",
      description =
          "Live memories of a context, or of a project (the request's, else the API key's),"
              + " newest first, filtered by type, tags (all must match), agent, session and a"
              + " creation time range [from, to). Paged: pass nextCursor back as cursor with the"
              + " same filters. A page may be short, even empty, while nextCursor is set when"
              + " filters skipped many rows; only a null nextCursor ends the list. While a"
              + " rebuild of the memory read model has the type and tag indexes down, a type or"
              + " tags filter answers 503 with Retry-After; lists without them still answer.")
  public MemoryPage list(
      Caller caller,
      @RequestParam(required = false) String contextId,
      @RequestParam(required = false) String projectId,
      @RequestParam(required = false) String agentId,
      @RequestParam(required = false) String sessionId,
      @Parameter(description = "FACT, DECISION, PREFERENCE, ERROR_FIX, CODE_PATTERN, …")
          @RequestParam(required = false)
          String type,
      @Parameter(description = "comma-separated or repeated; a memory must have all of them")
          @RequestParam(required = false)
          List<String> tags,
      @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false)
          Instant from,
      @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false)
          Instant to,
      @Parameter(description = "page size, 1 to 200 (default 50)") @RequestParam(required = false)
          Integer limit,
      @Parameter(description = "the nextCursor of the previous page")
          @RequestParam(required = false)
          String cursor,
      @Parameter(description = "the agent session reading, recorded with the read")
          @RequestHeader(name = "X-Session-Id", required = false)
          String readerSessionId) {
    MemoryListQuery query =
        MemoryListQuery.of(
            caller, contextId, projectId, agentId, sessionId, type, tags, from, to, limit, cursor);
    MemoryPage page = lister.page(caller.tenantId(), query);
    accessRecorder.record(
        AccessScope.of(caller, readerSessionId),
        page.items().stream().map(MemorySummary::id).toList(),
        MemoryAccessKind.LIST,
        null,
        contextId);
    return page;
  }

  private MemoryView current(Caller caller, String memoryId) {
    MemoryRow row =
        queries
            .memory(caller.tenantId(), memoryId)
            .filter(found -> caller.mayRead(found.projectId()))
            .orElseThrow(() -> unknown(memoryId));
    // Only the caller's own memory may say that it was deleted or has expired: for another
    // project's, that would tell the id exists.
    if (row.state() == MemoryState.DELETED) {
      throw new NotFoundException("memory " + memoryId + " was deleted");
    }
    if (row.expiresAt() != null && !clock.instant().isBefore(row.expiresAt())) {
      throw new NotFoundException("memory " + memoryId + " expired at " + row.expiresAt());
    }
    return MemoryView.of(row);
  }

  /** The answer for an id the caller may not see, the same whether or not it exists. */
  private static NotFoundException unknown(String memoryId) {
    return new NotFoundException("no memory " + memoryId);
  }

  private MemoryView asOf(Caller caller, String memoryId, Instant asOf) {
    MemoryAsOfReader reader = asOfReader.getIfAvailable();
    if (reader == null) {
      throw new NotBuiltYetException(
          "asOf is not answered by this build yet; leave it out for the memory as it is now");
    }
    return reader.read(caller, memoryId, asOf);
  }
}
