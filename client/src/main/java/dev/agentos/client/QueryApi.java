package dev.agentos.client;

import static dev.agentos.client.Endpoint.segment;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.agentos.client.query.Anomaly;
import dev.agentos.client.query.AnomalyList;
import dev.agentos.client.query.AnomalyPage;
import dev.agentos.client.query.Categories;
import dev.agentos.client.query.Context;
import dev.agentos.client.query.Execution;
import dev.agentos.client.query.ExecutionPage;
import dev.agentos.client.query.HealthReport;
import dev.agentos.client.query.HealthTrend;
import dev.agentos.client.query.Memory;
import dev.agentos.client.query.MemoryCategories;
import dev.agentos.client.query.MemoryGraph;
import dev.agentos.client.query.MemoryList;
import dev.agentos.client.query.MemoryPage;
import dev.agentos.client.query.MemoryVersion;
import dev.agentos.client.query.Model;
import dev.agentos.client.query.Pattern;
import dev.agentos.client.query.PatternList;
import dev.agentos.client.query.PatternPage;
import dev.agentos.client.query.Related;
import dev.agentos.client.query.Search;
import dev.agentos.client.query.SearchResult;
import dev.agentos.client.query.SessionContext;
import dev.agentos.client.query.SubjectPredictions;
import dev.agentos.client.query.Suggestion;
import dev.agentos.client.query.SuggestionPage;
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

  /** One page of the error and success patterns the learning jobs found (QUERY_READ). */
  public PatternPage patterns(PatternList list) {
    return endpoint.call("GET", "/v1/patterns" + list.queryString(), null, PatternPage.class);
  }

  /** A pattern of the key's project by id; 404 for another project's, as for an unknown one. */
  public Pattern pattern(String patternId) {
    return endpoint.call("GET", "/v1/patterns/" + segment(patternId), null, Pattern.class);
  }

  /**
   * What the predictions job predicted of execution {@code executionId}, with its outcome once
   * known; 404 ({@link AgentOsApiException#isNotFound}) until a prediction is read.
   */
  public SubjectPredictions predictionsOfExecution(String executionId) {
    return endpoint.call(
        "GET",
        "/v1/predictions?executionId=" + URLEncoder.encode(executionId, StandardCharsets.UTF_8),
        null,
        SubjectPredictions.class);
  }

  /**
   * An execution of the key's project with its status, timings and output excerpts; 404 ({@link
   * AgentOsApiException#isNotFound}) until its first event is read.
   */
  public Execution execution(String executionId) {
    return endpoint.call("GET", "/v1/executions/" + segment(executionId), null, Execution.class);
  }

  /** A page of session {@code sessionId}'s executions; {@code cursor} null for the first. */
  public ExecutionPage executionsOfSession(String sessionId, String cursor) {
    return endpoint.call(
        "GET", "/v1/executions" + sessionList(sessionId, cursor), null, ExecutionPage.class);
  }

  /** A code suggestion of the key's project with its verifications; 404 until read. */
  public Suggestion suggestion(String suggestionId) {
    return endpoint.call("GET", "/v1/suggestions/" + segment(suggestionId), null, Suggestion.class);
  }

  /** A page of session {@code sessionId}'s suggestions; {@code cursor} null for the first. */
  public SuggestionPage suggestionsOfSession(String sessionId, String cursor) {
    return endpoint.call(
        "GET", "/v1/suggestions" + sessionList(sessionId, cursor), null, SuggestionPage.class);
  }

  /** The tenant's model {@code modelName}, e.g. {@code execution-success}, and its versions. */
  public Model model(String modelName) {
    return endpoint.call("GET", "/v1/models/" + segment(modelName), null, Model.class);
  }

  /** One page of the anomalies the learning jobs found in metric series, newest first. */
  public AnomalyPage anomalies(AnomalyList list) {
    return endpoint.call("GET", "/v1/anomalies" + list.queryString(), null, AnomalyPage.class);
  }

  /** An anomaly of the key's project by id; 404 for another project's, as for an unknown one. */
  public Anomaly anomaly(String anomalyId) {
    return endpoint.call("GET", "/v1/anomalies/" + segment(anomalyId), null, Anomaly.class);
  }

  /** The project's latest health report; 404 while it has none. */
  public HealthReport projectHealth(String projectId) {
    return endpoint.call("GET", healthPath(projectId), null, HealthReport.class);
  }

  /**
   * The project's health reports whose window ended in [{@code from}, {@code to}) (at most 92 days
   * apart), newest first, as many as the server's default limit (500).
   */
  public HealthTrend projectHealth(String projectId, Instant from, Instant to) {
    String query =
        "?from="
            + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
            + "&to="
            + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8);
    return endpoint.call("GET", healthPath(projectId) + query, null, HealthTrend.class);
  }

  private static String sessionList(String sessionId, String cursor) {
    String query = "?sessionId=" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8);
    return cursor == null
        ? query
        : query + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
  }

  private static String healthPath(String projectId) {
    return "/v1/projects/" + segment(projectId) + "/health";
  }

  private static String memoryPath(String memoryId) {
    return "/v1/memories/" + segment(memoryId);
  }
}
