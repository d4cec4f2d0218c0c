package dev.agentos.client;

import static dev.agentos.client.Endpoint.segment;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.agentos.client.query.Categories;
import dev.agentos.client.query.Context;
import dev.agentos.client.query.Memory;
import dev.agentos.client.query.MemoryCategories;
import dev.agentos.client.query.MemoryGraph;
import dev.agentos.client.query.MemoryList;
import dev.agentos.client.query.MemoryPage;
import dev.agentos.client.query.MemoryVersion;
import dev.agentos.client.query.Related;
import dev.agentos.client.query.Search;
import dev.agentos.client.query.SearchResult;
import dev.agentos.client.query.SessionContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The query API ({@code docs/api/README.md}, query part). It answers from read models that follow
 * the command side a moment behind: a memory just stored may still be 404 here. An item of another
 * tenant or project is 404 exactly like an unknown one ({@link AgentOsApiException#isNotFound()}).
 */
public final class QueryApi {

  private static final TypeReference<List<MemoryVersion>> HISTORY = new TypeReference<>() {};

  private final Endpoint endpoint;

  QueryApi(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** Any request to the query API, answered whatever its status. */
  public RawCalls raw() {
    return new RawCalls(endpoint);
  }

  /** The memory now (ACTIVE or SUPERSEDED); 404 once deleted or expired. */
  public Memory memory(String memoryId) {
    return endpoint.call("GET", memoryPath(memoryId), null, Memory.class);
  }

  /** The memory as it was at {@code asOf}; 404 before its first event or once deleted. */
  public Memory memoryAsOf(String memoryId, Instant asOf) {
    String query = "?asOf=" + URLEncoder.encode(asOf.toString(), StandardCharsets.UTF_8);
    return endpoint.call("GET", memoryPath(memoryId) + query, null, Memory.class);
  }

  /** Every version, oldest first; a deleted memory keeps its history. */
  public List<MemoryVersion> history(String memoryId) {
    return endpoint.call("GET", memoryPath(memoryId) + "/history", null, HISTORY);
  }

  /** One page of live memories, newest first. */
  public MemoryPage list(MemoryList list) {
    return endpoint.call("GET", "/v1/memories" + list.queryString(), null, MemoryPage.class);
  }

  public SearchResult search(Search search) {
    return endpoint.call("POST", "/v1/memories/search", search, SearchResult.class);
  }

  public MemoryGraph related(String memoryId, Related related) {
    return endpoint.call(
        "GET", memoryPath(memoryId) + "/related" + related.queryString(), null, MemoryGraph.class);
  }

  public MemoryCategories categories(Categories categories) {
    return endpoint.call(
        "GET", "/v1/memories/categories" + categories.queryString(), null, MemoryCategories.class);
  }

  public Context context(String contextId) {
    return endpoint.call("GET", "/v1/contexts/" + segment(contextId), null, Context.class);
  }

  public SessionContext sessionContext(String sessionId) {
    return endpoint.call(
        "GET", "/v1/sessions/" + segment(sessionId) + "/context", null, SessionContext.class);
  }

  private static String memoryPath(String memoryId) {
    return "/v1/memories/" + segment(memoryId);
  }
}
