package dev.agentos.auth.json;

import static dev.agentos.auth.ProblemJsonHandler.invalidField;
import static dev.agentos.auth.ProblemJsonHandler.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.agentos.auth.PayloadTooLargeException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Says what is wrong with a body Jackson could not read, in terms of the JSON a client sent: the
 * path of the field and the JSON shape it must have, never Jackson's own words (they name Java
 * classes and Jackson settings). A body too large is 413, malformed JSON or a body that is not one
 * JSON object 400, a field of the wrong shape or value 422.
 */
public final class JsonProblems {

  private static final int QUOTED_VALUE_LENGTH = 100;

  private JsonProblems() {}

  /** The answer for {@code failure}, the cause of an unreadable body (null when there was none). */
  public static ProblemDetail describe(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLargeException tooLarge) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", tooLarge.getMessage());
      }
    }
    if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping);
      return invalidField(field, field + ": " + reason(mapping));
    }
    return problem(HttpStatus.BAD_REQUEST, "malformed", malformed(failure));
  }

  private static String reason(JsonMappingException e) {
    if (e instanceof RefusedValueException refused) {
      return refused.reason();
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field; known: " + unknown.getKnownPropertyIds();
    }
    if (e instanceof InvalidFormatException format) {
      return "cannot read " + quoted(format.getValue()) + " as " + shape(format.getTargetType());
    }
    if (e instanceof MismatchedInputException mismatch) {
      return "wrong type, expected " + shape(mismatch.getTargetType());
    }
    return "not a valid value";
  }

  private static String malformed(Throwable failure) {
    if (failure instanceof StreamConstraintsException) {
      return "malformed JSON: nested deeper, or a number or text longer, than a request may hold";
    }
    if (failure instanceof JsonMappingException) {
      return "the body must be one JSON object, with nothing after it";
    }
    if (failure instanceof JsonProcessingException json) {
      String said = json.getOriginalMessage();
      JsonLocation at = json.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      boolean plain = said != null && !said.contains("`") && !said.contains("java.");
      return "malformed JSON" + where + (plain ? ": " + said.lines().findFirst().orElse("") : "");
    }
    return "the request body is missing or is not JSON";
  }

  /** A type as the JSON a client writes for it. */
  public static String shape(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type.isEnum()) {
      return "one of "
          + java.util.Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", ", "[", "]"));
    }
    if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class) {
      return "a whole number in range";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 instant such as \"2026-05-01T12:00:00Z\"";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
      return "an object";
    }
    return "another type";
  }

  private static String quoted(Object value) {
    String text = String.valueOf(value);
    if (text.length() > QUOTED_VALUE_LENGTH) {
      text = text.substring(0, QUOTED_VALUE_LENGTH) + "…";
    }
    return value instanceof String ? "\"" + text + "\"" : text;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
