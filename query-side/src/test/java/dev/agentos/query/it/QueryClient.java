package dev.agentos.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.client.AgentOsClient;
import dev.agentos.client.RawAnswer;
import dev.agentos.client.RawCalls;
import java.util.Map;

/**
 * The query API as its ITs call it: any path, any body, any status answered as it is. It sends
 * through the one client's raw calls ({@link AgentOsClient}), so these tests and every other caller
 * speak HTTP to AgentOS the same way.
 */
public final class QueryClient {

  private final RawCalls calls;

  /**
   * @param key the API key sent as {@code Authorization: Bearer}; null: none
   */
  public QueryClient(String baseUrl, String key) {
    this.calls = AgentOsClient.builder().queryUrl(baseUrl).apiKey(key).build().queries().raw();
  }

  public Response get(String pathAndQuery) {
    return get(pathAndQuery, Map.of());
  }

  /** A GET with extra request headers, e.g. {@code X-Session-Id}. */
  public Response get(String pathAndQuery, Map<String, String> headers) {
    return new Response(calls.send("GET", pathAndQuery, null, headers));
  }

  /** POSTs {@code json} (a JSON text) as the body, exactly as given. */
  public Response post(String path, String json) {
    return new Response(calls.send("POST", path, json));
  }

  /** An answer: status, JSON body and headers. */
  public record Response(RawAnswer raw) {

    public int status() {
      return raw.status();
    }

    public JsonNode json() {
      return raw.json();
    }

    public String header(String name) {
      return raw.header(name).orElse(null);
    }

    public String body() {
      return raw.body();
    }

    @Override
    public String toString() {
      return raw.status() + " " + raw.body();
    }
  }
}
