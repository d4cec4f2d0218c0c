package dev.agentos.deploy.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.deploy.registry.RegistryErrors;
import java.util.Map;

/** A request as a route sees it: decoded path parameters, query parameters and the raw body. */
public record Request(Map<String, String> path, Map<String, String> query, byte[] body) {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public String path(String name) {
    return path.get(name);
  }

  /** A query flag such as {@code verbose=true}; absent means false. */
  public boolean flag(String name) {
    return Boolean.parseBoolean(query.get(name));
  }

  /** The body as JSON of {@code type}; 400 when it is empty or not such JSON. */
  public <T> T body(Class<T> type) {
    if (body.length == 0) {
      throw RegistryErrors.badRequest("The request has no body; expected a JSON object");
    }
    try {
      T value = JSON.readValue(body, type);
      if (value == null) {
        throw RegistryErrors.badRequest("The request body is null; expected a JSON object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw RegistryErrors.badRequest("Malformed JSON body: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw RegistryErrors.badRequest("Unreadable body: " + e.getMessage());
    }
  }
}
