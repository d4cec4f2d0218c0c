package dev.agentos.deploy.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The demo's view of the AgentOS HTTP API: JSON in, JSON out, and a clear failure naming the call
 * when an answer is not the expected status, so a broken demo says what broke.
 */
final class DemoClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String key;

  DemoClient(String baseUrl, String key) {
    this.baseUrl = baseUrl;
    this.key = key;
  }

  String key() {
    return key;
  }

  DemoClient as(String otherKey) {
    return new DemoClient(baseUrl, otherKey);
  }

  JsonNode call(String method, String path, Object body, Map<String, String> headers, int... ok)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json");
    headers.forEach(request::header);
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (int status : ok) {
      if (response.statusCode() == status) {
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
      }
    }
    throw new IllegalStateException(
        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
  }

  JsonNode post(String path, Object body, int... ok) throws IOException, InterruptedException {
    return call("POST", path, body, Map.of(), ok);
  }
}
