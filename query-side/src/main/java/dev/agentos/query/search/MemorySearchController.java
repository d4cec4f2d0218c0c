package dev.agentos.query.search;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.memory.MemoryAccessKind;
import dev.agentos.query.access.AccessRecorder;
import dev.agentos.query.access.AccessScope;
import dev.agentos.query.web.NotFoundException;
import dev.agentos.readmodels.search.CategoryRequest;
import dev.agentos.readmodels.search.GraphRequest;
import dev.agentos.readmodels.search.MemoryCategories;
import dev.agentos.readmodels.search.MemoryCategorizer;
import dev.agentos.readmodels.search.MemoryGraph;
import dev.agentos.readmodels.search.MemoryHit;
import dev.agentos.readmodels.search.MemoryQuery;
import dev.agentos.readmodels.search.MemorySearch;
import dev.agentos.readmodels.search.RelatedGraph;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search, related graph and categories over the memory index, always within the caller's tenant and
 * one project. What a search or a graph returns is recorded as read ({@code MemoryAccessed}), so
 * access counts grow with use.
 */
@RestController
@RequestMapping("/v1/memories")
@Tag(name = "memory search", description = "Search memories, their related graph, categories")
public class MemorySearchController {

  private final MemorySearch search;
  private final RelatedGraph related;
  private final MemoryCategorizer categorizer;
  private final AccessRecorder accessRecorder;

  public MemorySearchController(
      MemorySearch search,
      RelatedGraph related,
      MemoryCategorizer categorizer,
      AccessRecorder accessRecorder) {
    this.search = search;
    this.related = related;
    this.categorizer = categorizer;
    this.accessRecorder = accessRecorder;
  }

  @PostMapping("/search")
  @RequiresScope(ApiKeyScope.MEMORY_READ)
  @Operation(
      summary = "Search memories",
      description =
          "By keyword (BM25), meaning (kNN on the query's embedding) or both fused (hybrid, the"
              + " default), filtered like GET /v1/memories. Superseded, deleted and expired"
              + " memories only when asked for. Optional recency and access-frequency weighting."
              + " Each hit explains its score: keyword rank/score, semantic rank/similarity,"
              + " fused score, recency and access factors.")
  public SearchResponseBody search(
      Caller caller,
      @RequestBody SearchRequestBody body,
      @Parameter(description = "the agent session reading, recorded with the read")
          @RequestHeader(name = "X-Session-Id", required = false)
          String sessionId) {
    MemoryQuery query = body.toQuery(caller);
    List<MemoryHit> hits = search.search(query);
    accessRecorder.record(
        AccessScope.of(caller, sessionId),
        hits.stream().map(MemoryHit::memoryId).toList(),
        MemoryAccessKind.SEARCH,
        query.text(),
        query.filters().contextId());
    return SearchResponseBody.of(query, hits);
  }

  @GetMapping("/{memoryId}/related")
  @RequiresScope(ApiKeyScope.MEMORY_READ)
  @Operation(
      summary = "The graph around a memory",
      description =
          "Typed relations in both directions followed to depth 1..3 (strongest first, bounded),"
              + " plus the memory's nearest memories by meaning, as nodes and edges (RELATION"
              + " with type and strength, SIMILAR with cosine similarity). Another tenant's or"
              + " project's memory, or a deleted one, is 404.")
  public MemoryGraph related(
      Caller caller,
      @PathVariable String memoryId,
      @Parameter(description = "relation steps, 1 to 3 (default 1)") @RequestParam(required = false)
          Integer depth,
      @Parameter(description = "relation types to follow, comma-separated (default all)")
          @RequestParam(required = false)
          Set<String> types,
      @Parameter(description = "nearest memories by meaning, 0 to 20 (default 5)")
          @RequestParam(required = false)
          Integer neighbours,
      @Parameter(description = "the memory's project (default: the API key's)")
          @RequestParam(required = false)
          String projectId,
      @Parameter(description = "the agent session reading, recorded with the read")
          @RequestHeader(name = "X-Session-Id", required = false)
          String sessionId) {
    GraphRequest request =
        new GraphRequest(
            caller.tenantId(),
            RequestScope.project(caller, projectId),
            memoryId,
            depth == null ? 1 : depth,
            types,
            neighbours == null ? GraphRequest.DEFAULT_NEIGHBOURS : neighbours);
    MemoryGraph graph =
        related.around(request).orElseThrow(() -> new NotFoundException("no memory " + memoryId));
    accessRecorder.record(
        AccessScope.of(caller, sessionId),
        graph.nodes().stream().map(MemoryGraph.Node::memoryId).toList(),
        MemoryAccessKind.RELATED,
        null,
        null);
    return graph;
  }

  @GetMapping("/categories")
  @RequiresScope(ApiKeyScope.MEMORY_READ)
  @Operation(
      summary = "The categories of a scope",
      description =
          "The most used tags with counts and their newest members, and clusters of the newest"
              + " memories by meaning (k-means++ on their vectors, at most `sample` of them: the"
              + " answer says how many were clustered) with counts, a label and example members.")
  public MemoryCategories categories(
      Caller caller,
      @RequestParam(required = false) String projectId,
      @RequestParam(required = false) String contextId,
      @RequestParam(required = false) String agentId,
      @RequestParam(required = false) String sessionId,
      @RequestParam(required = false) String type,
      @Parameter(description = "comma-separated; a memory must have all of them")
          @RequestParam(required = false)
          List<String> tags,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @Parameter(description = "most used tags listed, 1 to 50 (default 20)")
          @RequestParam(required = false)
          Integer tagLimit,
      @Parameter(description = "clusters, 2 to 20 (default: from the sample's size)")
          @RequestParam(required = false)
          Integer clusters,
      @Parameter(description = "example members per category, 1 to 10 (default 3)")
          @RequestParam(required = false)
          Integer examples,
      @Parameter(description = "newest vectors clustered, 10 to 2000 (default 500)")
          @RequestParam(required = false)
          Integer sample) {
    return categorizer.categorise(
        new CategoryRequest(
            caller.tenantId(),
            RequestScope.project(caller, projectId),
            RequestScope.filters(contextId, agentId, sessionId, type, tags, from, to),
            tagLimit == null ? CategoryRequest.DEFAULT_TAGS : tagLimit,
            clusters,
            examples == null ? CategoryRequest.DEFAULT_EXAMPLES : examples,
            sample == null ? CategoryRequest.DEFAULT_SAMPLE : sample));
  }
}
