package dev.agentos.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The client's JSON rules. Requests leave out absent (null) fields of its records, because the APIs
 * read an absent field as "keep" or "default" and a PATCH must not clear what it does not name.
 * Answers tolerate fields this client does not know, so a newer server does not break it. Instants
 * are ISO-8601 text both ways, as the APIs write them.
 */
final class Json {

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  /** For raw calls: the body as the caller built it, nulls included. */
  private static final ObjectMapper AS_GIVEN =
      MAPPER.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);

  private Json() {}

  static String writeAsGiven(String request, Object body) {
    try {
      return AS_GIVEN.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(request + ": cannot write the body as JSON", e);
    }
  }

  static String write(String request, Object body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(request + ": cannot write the body as JSON", e);
    }
  }

  static JsonNode tree(String request, String body) {
    if (body == null || body.isBlank()) {
      return MAPPER.createObjectNode();
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(request + " answered no JSON: " + body, e);
    }
  }

  static <T> T read(String request, String body, JavaType type) {
    try {
      return MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          request + " answered JSON this client cannot read as " + type + ": " + body, e);
    }
  }

  /** The problem+json details of a refusal, or null when the body is not one. */
  static Problem problem(String body) {
    try {
      JsonNode tree = MAPPER.readTree(body);
      return tree != null && tree.isObject() && (tree.has("title") || tree.has("detail"))
          ? MAPPER.treeToValue(tree, Problem.class)
          : null;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null;
    }
  }
}
