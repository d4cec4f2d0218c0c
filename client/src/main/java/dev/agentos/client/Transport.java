package dev.agentos.client;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one request as one caller: the API key as {@code Authorization: Bearer}, the optional
 * {@code X-Session-Id} and {@code X-Trace-Id}, JSON bodies, and a non-2xx answer turned into an
 * {@link AgentOsApiException} carrying the problem+json details.
 */
final class Transport {

  static final String SESSION_HEADER = "X-Session-Id";
  static final String TRACE_HEADER = "X-Trace-Id";

  private final HttpClient http;
  private final Duration timeout;
  private final String apiKey;
  private final String sessionId;
  private final String traceId;

  Transport(HttpClient http, Duration timeout, String apiKey, String sessionId, String traceId) {
    this.http = http;
    this.timeout = timeout;
    this.apiKey = apiKey;
    this.sessionId = sessionId;
    this.traceId = traceId;
  }

  /** The answer whatever its status; {@code body} null sends none. */
  RawAnswer exchange(
      String baseUrl, String method, String path, String body, Map<String, String> headers) {
    String request = method + " " + path;
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(timeout)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (apiKey != null) {
      builder.header("Authorization", "Bearer " + apiKey);
    }
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    builder.header("Accept", "application/json, application/problem+json");
    if (sessionId != null) {
      builder.header(SESSION_HEADER, sessionId);
    }
    if (traceId != null) {
      builder.header(TRACE_HEADER, traceId);
    }
    headers.forEach(builder::setHeader);
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new RawAnswer(
          request, response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new AgentOsTransportException(request, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AgentOsTransportException(request, e);
    }
  }

  /** Sends {@code body} (a record, map or null) and reads a 2xx answer as {@code answer}. */
  <T> T call(
      String baseUrl,
      String method,
      String path,
      Object body,
      Map<String, String> headers,
      JavaType answer) {
    String request = method + " " + path;
    RawAnswer raw =
        exchange(baseUrl, method, path, body == null ? null : Json.write(request, body), headers);
    return read(raw, answer);
  }

  /** A 2xx answer read as {@code answer}; any other status is an {@link AgentOsApiException}. */
  static <T> T read(RawAnswer raw, JavaType answer) {
    if (!raw.isSuccess()) {
      throw refused(raw);
    }
    return Json.read(raw.request(), raw.body().isBlank() ? "{}" : raw.body(), answer);
  }

  static AgentOsApiException refused(RawAnswer raw) {
    return new AgentOsApiException(
        raw.request(), raw.status(), Json.problem(raw.body()), raw.body());
  }
}
