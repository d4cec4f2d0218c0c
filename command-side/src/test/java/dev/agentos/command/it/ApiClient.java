package dev.agentos.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A small HTTP client for the AgentOS API as one caller (one API key), for integration tests. */
public final class ApiClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String key;

  ApiClient(String baseUrl, String key) {
    this.baseUrl = baseUrl;
    this.key = key;
  }

  public Response post(String path, Object body) {
    return send("POST", path, body, Map.of());
  }

  public Response put(String path, Object body) {
    return send("PUT", path, body, Map.of());
  }

  public Response patch(String path, Object body, Map<String, String> headers) {
    return send("PATCH", path, body, headers);
  }

  public Response delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  public Response get(String path) {
    return send("GET", path, null, Map.of());
  }

  /**
   * Posts {@code body} as JSON without a Content-Length, chunk by chunk, as a streaming client
   * would: a server cannot tell its size before reading it.
   */
  public Response postChunked(String path, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return send(request);
  }

  /** Sends {@code body} as JSON (a String is sent as is), with this caller's key if it has one. */
  public Response send(String method, String path, Object body, Map<String, String> headers) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
      if (key != null) {
        request.header("Authorization", "Bearer " + key);
      }
      headers.forEach(request::header);
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        request.header("Content-Type", "application/json");
        request.method(method, HttpRequest.BodyPublishers.ofString(text));
      }
      return send(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      return new Response(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response with its body parsed as JSON when it is JSON. */
  public record Response(HttpResponse<String> raw) {
    public int status() {
      return raw.statusCode();
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + raw.body(), e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return raw.statusCode() + " " + raw.body();
    }
  }
}
