package dev.agentos.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * A client of AgentOS's two HTTP APIs as one caller (one API key): {@link #commands()} for the
 * command side (store, change and relate memories, contexts, events, executions, suggestions,
 * agents and keys), {@link #queries()} for the query side (read, list and search memories, their
 * related graph, categories and history, contexts), and {@link #replays()} for the projections'
 * admin API. Immutable and thread-safe; {@code with…} copies share the connection pool.
 *
 * <pre>{@code
 * AgentOsClient client = AgentOsClient.builder()
 *     .commandUrl("http://127.0.0.1:8090").queryUrl("http://127.0.0.1:8091")
 *     .apiKey(key).build();
 * }</pre>
 */
public final class AgentOsClient {

  /** How long a call waits for its answer unless the builder says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final String commandUrl;
  private final String queryUrl;
  private final String projectionsUrl;
  private final String apiKey;
  private final Duration timeout;
  private final String sessionId;
  private final String traceId;

  private AgentOsClient(
      HttpClient http,
      String commandUrl,
      String queryUrl,
      String projectionsUrl,
      String apiKey,
      Duration timeout,
      String sessionId,
      String traceId) {
    this.http = http;
    this.commandUrl = commandUrl;
    this.queryUrl = queryUrl;
    this.projectionsUrl = projectionsUrl;
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.sessionId = sessionId;
    this.traceId = traceId;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The command API; fails when the builder was given no command URL. */
  public CommandApi commands() {
    return new CommandApi(endpoint(commandUrl, "command"));
  }

  /**
   * The command side's endpoints for the executor, which need a key of the EXECUTOR scope; fails
   * when the builder was given no command URL.
   */
  public ExecutorApi executor() {
    return new ExecutorApi(endpoint(commandUrl, "command"));
  }

  /** The query API; fails when the builder was given no query URL. */
  public QueryApi queries() {
    return new QueryApi(endpoint(queryUrl, "query"));
  }

  /** The projections' admin API (read model replays); fails without a projections URL. */
  public ReplayApi replays() {
    return new ReplayApi(endpoint(projectionsUrl, "projections"));
  }

  /** The same client calling as the holder of {@code otherKey} (e.g. an agent's key it issued). */
  public AgentOsClient withApiKey(String otherKey) {
    return new AgentOsClient(
        http, commandUrl, queryUrl, projectionsUrl, otherKey, timeout, sessionId, traceId);
  }

  /** The same client sending {@code X-Session-Id: sessionId} (null: none) with every call. */
  public AgentOsClient withSessionId(String sessionId) {
    return new AgentOsClient(
        http, commandUrl, queryUrl, projectionsUrl, apiKey, timeout, sessionId, traceId);
  }

  /** The same client sending {@code X-Trace-Id: traceId} (null: none) with every call. */
  public AgentOsClient withTraceId(String traceId) {
    return new AgentOsClient(
        http, commandUrl, queryUrl, projectionsUrl, apiKey, timeout, sessionId, traceId);
  }

  public String apiKey() {
    return apiKey;
  }

  private Endpoint endpoint(String baseUrl, String api) {
    if (baseUrl == null) {
      throw new IllegalStateException(
          "this client has no " + api + " URL: give it one with the builder's " + api + "Url");
    }
    return new Endpoint(new Transport(http, timeout, apiKey, sessionId, traceId), baseUrl);
  }

  /** Builds an {@link AgentOsClient}; each API needs its URL only if it is called. */
  public static final class Builder {

    private String commandUrl;
    private String queryUrl;
    private String projectionsUrl;
    private String apiKey;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private String sessionId;
    private String traceId;
    private HttpClient http;

    private Builder() {}

    /** The command side, e.g. {@code http://127.0.0.1:8090}. */
    public Builder commandUrl(String url) {
      this.commandUrl = withoutTrailingSlash(url);
      return this;
    }

    /** The query side, e.g. {@code http://127.0.0.1:8091}. */
    public Builder queryUrl(String url) {
      this.queryUrl = withoutTrailingSlash(url);
      return this;
    }

    /** The projections, e.g. {@code http://127.0.0.1:8092}: only for {@link #replays()}. */
    public Builder projectionsUrl(String url) {
      this.projectionsUrl = withoutTrailingSlash(url);
      return this;
    }

    /** The {@code aos_…} key every call carries as {@code Authorization: Bearer}. */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /** How long one call waits for its answer (default {@link #DEFAULT_TIMEOUT}). */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** How long opening a connection may take (default 10 s); ignored with {@link #httpClient}. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    /** Sent as {@code X-Session-Id}: the agent session the calls belong to. */
    public Builder sessionId(String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    /** Sent as {@code X-Trace-Id}: copied into every event the calls cause. */
    public Builder traceId(String traceId) {
      this.traceId = traceId;
      return this;
    }

    /** A JDK client of the caller's own (executor, proxy, TLS); by default one of this client. */
    public Builder httpClient(HttpClient http) {
      this.http = http;
      return this;
    }

    public AgentOsClient build() {
      HttpClient client =
          http != null
              ? http
              // HTTP/1.1: both APIs speak it, and it spares every call an h2c upgrade attempt.
              : HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(connectTimeout)
                  .build();
      return new AgentOsClient(
          client, commandUrl, queryUrl, projectionsUrl, apiKey, timeout, sessionId, traceId);
    }

    private static String withoutTrailingSlash(String url) {
      return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
  }
}
