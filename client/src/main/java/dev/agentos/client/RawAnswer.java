package dev.agentos.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An answer of a {@link RawCalls raw call}, whatever its status: nothing is checked or mapped.
 *
 * @param request the request as {@code METHOD path}
 * @param headers the answer's headers, names in lower case
 */
public record RawAnswer(
    String request, int status, Map<String, List<String>> headers, String body) {

  /** The body as a JSON tree; an empty object for an empty body. */
  public JsonNode json() {
    return Json.tree(request, body);
  }

  /** The first value of a header, e.g. {@code etag}. */
  public Optional<String> header(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream().findFirst();
  }

  /** Whether the status is 2xx. */
  public boolean isSuccess() {
    return status / 100 == 2;
  }
}
