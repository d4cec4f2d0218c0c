package dev.agentos.deploy.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.deploy.registry.http.RegistryHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The registry's HTTP server on a free port over an in-memory log, with a small HTTP client. As a
 * {@code @RegisterExtension} field it gives each test a fresh registry and closes it afterwards.
 */
final class TestRegistry implements AutoCloseable, AfterEachCallback {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status, body text, and the body as JSON when it is JSON. */
  record Reply(int status, String contentType, String text) {

    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    int errorCode() {
      return json().path("error_code").asInt();
    }

    String message() {
      return json().path("message").asText();
    }
  }

  final InMemoryRegistryLog log;
  private final RegistryHttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  static TestRegistry onFreePort() {
    try {
      return new TestRegistry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  TestRegistry() throws IOException {
    this(new InMemoryRegistryLog());
  }

  TestRegistry(InMemoryRegistryLog log) throws IOException {
    this.log = log;
    this.server = RegistryHttpServer.start("127.0.0.1", 0, SchemaRegistry.replay(log));
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  Reply get(String path) {
    return send("GET", path, null, null);
  }

  Reply delete(String path) {
    return send("DELETE", path, null, null);
  }

  Reply post(String path, Object body) {
    return send("POST", path, CONTENT_TYPE, json(body));
  }

  Reply put(String path, Object body) {
    return send("PUT", path, CONTENT_TYPE, json(body));
  }

  /** Registers {@code schema} under {@code subject}; the answer's id. */
  int register(String subject, String schema) {
    Reply reply = post("/subjects/" + subject + "/versions", Map.of("schema", schema));
    if (reply.status() != 200) {
      throw new AssertionError("registration failed: " + reply);
    }
    return reply.json().get("id").asInt();
  }

  Reply send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url() + path))
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      var response = http.send(request.build(), BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String json(Object body) {
    if (body instanceof String text) {
      return text;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
