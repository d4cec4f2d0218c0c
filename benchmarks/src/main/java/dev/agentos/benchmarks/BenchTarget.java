package dev.agentos.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.deploy.local.LocalStack;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.service.CommandSideService;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The running stack a benchmark measures, read from {@code ./agentos up}'s files, and an agent key
 * made for the run with the admin key, so a benchmark never needs set-up by hand.
 */
record BenchTarget(StackEndpoints stack, String commandSideUrl, String agentKey, String adminKey) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static BenchTarget connect(Path home, String adminKey) throws IOException, InterruptedException {
    Path file = home.resolve(LocalStack.PROPERTIES_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no stack at " + home + ": run ./agentos up first");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    String url = properties.getProperty(CommandSideService.URL);
    if (url == null) {
      throw new IllegalStateException("the stack at " + home + " runs no command side");
    }
    if (adminKey == null || adminKey.isBlank()) {
      adminKey = Files.readString(CommandSideService.adminKeyFile(home)).strip();
    }
    String agentId = "bench-" + UUID.randomUUID();
    post(
        url,
        adminKey,
        "/v1/agents",
        Map.of("agentId", agentId, "displayName", "benchmark", "client", "agentos-benchmarks"));
    JsonNode key =
        post(
            url,
            adminKey,
            "/v1/agents/" + agentId + "/keys",
            Map.of("scopes", List.of("EVENTS_WRITE", "MEMORY_WRITE", "MEMORY_READ")));
    return new BenchTarget(StackEndpoints.from(properties), url, key.get("key").asText(), adminKey);
  }

  /** The URL of an application of the stack ({@code StackEndpoints.APPLICATION_URLS}). */
  String application(String urlKey) {
    return stack
        .application(urlKey)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the stack runs no " + urlKey + ": start it with ./agentos up"));
  }

  /** A set-up call as the benchmark's agent, failing loudly when refused. */
  JsonNode post(String path, Object body) throws IOException, InterruptedException {
    return post(commandSideUrl, agentKey, path, body);
  }

  private static JsonNode post(String url, String key, String path, Object body)
      throws IOException, InterruptedException {
    return call(url, key, "POST", path, body);
  }

  /** One JSON call; a body of null sends none. Fails loudly unless the answer is a 2xx. */
  static JsonNode call(String url, String key, String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
