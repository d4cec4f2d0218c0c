package dev.agentos.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One of the APIs (its base URL) as seen by one caller; what the facades send their calls to. */
final class Endpoint {

  private final Transport transport;
  private final String baseUrl;

  Endpoint(Transport transport, String baseUrl) {
    this.transport = transport;
    this.baseUrl = baseUrl;
  }

  <T> T call(String method, String path, Object body, Class<T> answer) {
    return call(method, path, body, Map.of(), Json.MAPPER.constructType(answer));
  }

  <T> T call(String method, String path, Object body, TypeReference<T> answer) {
    return call(method, path, body, Map.of(), Json.MAPPER.getTypeFactory().constructType(answer));
  }

  <T> T call(
      String method, String path, Object body, Map<String, String> headers, JavaType answer) {
    return transport.call(baseUrl, method, path, body, headers, answer);
  }

  RawAnswer exchange(String method, String path, String body, Map<String, String> headers) {
    return transport.exchange(baseUrl, method, path, body, headers);
  }

  /** An id as one path segment: ids are plain text, never a path of their own. */
  static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
