package dev.agentos.deploy.registry.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.agentos.deploy.registry.RegistryErrors;
import dev.agentos.deploy.registry.RegistryException;
import dev.agentos.deploy.registry.json.ErrorResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches {@code METHOD /a/{param}/b} routes and speaks HTTP as Confluent's registry does: JSON
 * bodies of type {@code application/vnd.schemaregistry.v1+json} (or plain JSON), 415 for other body
 * types, errors as {@code {"error_code": .., "message": ..}}.
 */
public final class Router implements HttpHandler {

  /** One route's work. */
  @FunctionalInterface
  public interface Handler {
    Response handle(Request request);
  }

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Set<String> BODY_TYPES =
      Set.of(
          "application/vnd.schemaregistry.v1+json",
          "application/vnd.schemaregistry+json",
          "application/json",
          "application/octet-stream");
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Route(String method, List<String> pattern, Handler handler) {

    /** Path parameters when {@code segments} fit the pattern, else null. */
    Map<String, String> match(List<String> segments) {
      if (segments.size() != pattern.size()) {
        return null;
      }
      Map<String, String> params = new HashMap<>();
      for (int i = 0; i < pattern.size(); i++) {
        String part = pattern.get(i);
        if (part.startsWith("{")) {
          params.put(part.substring(1, part.length() - 1), segments.get(i));
        } else if (!part.equals(segments.get(i))) {
          return null;
        }
      }
      return params;
    }
  }

  private final List<Route> routes = new ArrayList<>();

  public Router route(String method, String pattern, Handler handler) {
    routes.add(new Route(method, segments(pattern), handler));
    return this;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Response response;
    try {
      response = dispatch(exchange);
    } catch (RegistryException e) {
      response = error(e);
    } catch (RuntimeException e) {
      LOG.error("Failed {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      response = new Response(500, new ErrorResponse(500, "Internal server error: " + e), null);
    }
    write(exchange, response);
  }

  private Response dispatch(HttpExchange exchange) throws IOException {
    List<String> segments = segments(exchange.getRequestURI().getRawPath());
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    boolean pathKnown = false;
    for (Route route : routes) {
      Map<String, String> params = route.match(segments);
      if (params == null) {
        continue;
      }
      pathKnown = true;
      if (route.method().equals(method)) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length > 0 || method.equals("POST") || method.equals("PUT")) {
          checkContentType(exchange.getRequestHeaders().getFirst("Content-Type"));
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        return route.handler().handle(new Request(params, query, body));
      }
    }
    throw pathKnown ? RegistryErrors.methodNotAllowed() : RegistryErrors.notFound();
  }

  private static void checkContentType(String header) {
    if (header == null) {
      return; // read as application/octet-stream, which Confluent accepts
    }
    String type = header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!BODY_TYPES.contains(type)) {
      throw RegistryErrors.unsupportedMediaType();
    }
  }

  /** Refusals are answers, not server faults; store errors are logged where they happen. */
  private static Response error(RegistryException e) {
    return new Response(e.httpStatus(), new ErrorResponse(e.errorCode(), e.getMessage()), null);
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    byte[] bytes =
        response.rawJson() != null
            ? response.rawJson().getBytes(StandardCharsets.UTF_8)
            : JSON.writeValueAsBytes(response.body());
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static List<String> segments(String rawPath) {
    return Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty()).map(Router::decode).toList();
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
    }
    return query;
  }

  /** Percent-decoding of a path segment; unlike form decoding, '+' stays '+'. */
  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
