package dev.agentos.schemas.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted HTTP server on a free port: answers each "METHOD /path?query" with a canned status and
 * body (404 with Confluent's generic error otherwise) and records what it was asked.
 */
final class FakeRegistryServer implements AutoCloseable {

  record Call(String method, String uri, String contentType, String accept, String body) {}

  private record Answer(int status, String contentType, String body) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  final List<Call> calls = new CopyOnWriteArrayList<>();

  FakeRegistryServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  FakeRegistryServer answer(String methodAndUri, int status, String body) {
    return answer(methodAndUri, status, RestSchemaRegistryClient.CONTENT_TYPE, body);
  }

  FakeRegistryServer answer(String methodAndUri, int status, String contentType, String body) {
    answers.put(methodAndUri, new Answer(status, contentType, body));
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String uri = exchange.getRequestURI().getRawPath();
    if (exchange.getRequestURI().getRawQuery() != null) {
      uri += "?" + exchange.getRequestURI().getRawQuery();
    }
    calls.add(
        new Call(
            exchange.getRequestMethod(),
            uri,
            exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestHeaders().getFirst("Accept"),
            body));
    Answer answer =
        answers.getOrDefault(
            exchange.getRequestMethod() + " " + uri,
            new Answer(
                404,
                RestSchemaRegistryClient.CONTENT_TYPE,
                "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"));
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
