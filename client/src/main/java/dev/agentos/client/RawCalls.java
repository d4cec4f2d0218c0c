package dev.agentos.client;

import java.util.Map;

/**
 * The escape hatch: any request to one of the APIs with the client's key and headers, the body sent
 * as given and the answer returned whatever its status. Made for callers that send what the typed
 * calls cannot (malformed JSON, unknown fields, wrong types, on purpose) and for endpoints this
 * client does not cover yet.
 */
public final class RawCalls {

  private final Endpoint endpoint;

  RawCalls(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * @param path the path with its query string, e.g. {@code /v1/memories?limit=5}
   * @param json the body exactly as sent (as {@code application/json}), or null for none
   * @param headers more headers; they replace the client's of the same name
   */
  public RawAnswer send(String method, String path, String json, Map<String, String> headers) {
    return endpoint.exchange(method, path, json, headers);
  }

  public RawAnswer send(String method, String path, String json) {
    return send(method, path, json, Map.of());
  }

  /** {@code body} (a map, list or record) written as JSON as it is: nulls in maps are kept. */
  public RawAnswer sendJson(String method, String path, Object body) {
    return send(method, path, body == null ? null : Json.writeAsGiven(method + " " + path, body));
  }

  public RawAnswer get(String path) {
    return send("GET", path, null);
  }

  public RawAnswer post(String path, Object body) {
    return sendJson("POST", path, body);
  }

  public RawAnswer patch(String path, Object body) {
    return sendJson("PATCH", path, body);
  }

  public RawAnswer delete(String path) {
    return send("DELETE", path, null);
  }
}
