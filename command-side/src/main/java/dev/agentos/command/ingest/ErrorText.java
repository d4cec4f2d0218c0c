package dev.agentos.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * How ingest errors show what a client sent and what was expected. Quoted values are cut to {@value
 * #MAX_QUOTED} characters, so a hostile or mistaken megabyte-long value cannot bloat error
 * responses and logs.
 */
final class ErrorText {

  static final int MAX_QUOTED = 64;

  static final String TIMESTAMP =
      "an ISO-8601 instant such as \"2026-05-01T12:00:00Z\", or epoch milliseconds";

  private ErrorText() {}

  /** {@code text} cut to {@link #MAX_QUOTED} characters, never inside a surrogate pair. */
  static String cut(String text) {
    if (text.length() <= MAX_QUOTED) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
    return text.substring(0, end) + "...";
  }

  /** A JSON value as it appears in an error. */
  static String quote(JsonNode json) {
    if (json.isTextual()) {
      return "\"" + cut(json.textValue()) + "\"";
    }
    if (json.isObject()) {
      return "an object";
    }
    if (json.isArray()) {
      return "an array";
    }
    return json.toString();
  }

  /** How a schema reads in an error message. */
  static String describe(Schema schema) {
    return switch (schema.getType()) {
      case UNION ->
          String.join(" or ", schema.getTypes().stream().map(ErrorText::describe).toList());
      case RECORD -> "an object (" + schema.getName() + ")";
      case ENUM -> "one of " + schema.getEnumSymbols();
      case ARRAY -> "an array of " + describe(schema.getElementType());
      case MAP -> "an object mapping names to " + describe(schema.getValueType());
      case LONG ->
          schema.getLogicalType() instanceof LogicalTypes.TimestampMillis ? TIMESTAMP : "long";
      default -> schema.getType().getName();
    };
  }
}
