package dev.agentos.readmodels.streams;

import static dev.agentos.readmodels.streams.EventFields.EVENT_TYPE;
import static dev.agentos.readmodels.streams.EventFields.HEADER;
import static dev.agentos.readmodels.streams.EventFields.IGNORE_ABOVE;
import static dev.agentos.readmodels.streams.EventFields.OCCURRED_AT;
import static dev.agentos.readmodels.streams.EventFields.STREAM;
import static dev.agentos.readmodels.streams.EventFields.TIMESTAMP;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;

/**
 * The Elasticsearch mapping of a stream, generated from the Avro schemas of the events it carries,
 * so a field added to a schema is in the mapping without anyone remembering it.
 *
 * <ul>
 *   <li>The header's fields sit at the top level, {@code occurredAt} as {@code @timestamp}; the
 *       document also names its {@code eventType} and {@code stream}.
 *   <li>Records become objects, so their fields have dotted names ({@code limits.cpuTimeMs});
 *       arrays of records are object arrays (each leaf multi-valued).
 *   <li>Enums and strings are keywords; strings holding prose are text with a {@code .keyword}
 *       sub-field ({@link EventFields#isFreeText}).
 *   <li>Numbers and booleans keep their type; timestamps are dates; decimals are doubles (this
 *       Elasticsearch has no scaled_float); other bytes are binary (stored, not searchable).
 *   <li>Maps are {@code flattened}: one field whatever their keys, values searchable as keywords.
 *   <li>Arrays of floats or doubles are vectors (embeddings, feature values): kept in _source, not
 *       indexed, since Kibana cannot use them and they would cost hundreds of values a document.
 * </ul>
 *
 * Two event types of one stream with a same-named field of different types are refused (one index
 * has one type per field), except a keyword and a prose string of one name, which become text with
 * a keyword sub-field.
 */
public final class StreamMappings {

  private StreamMappings() {}

  /** The {@code mappings} body of the stream's index: strict, so no field is ever guessed. */
  public static Map<String, Object> of(String stream, List<Schema> eventSchemas) {
    Map<String, Object> properties = new LinkedHashMap<>();
    put(properties, TIMESTAMP, Map.of("type", "date"), stream, "header");
    put(properties, EVENT_TYPE, keyword(), stream, "header");
    put(properties, STREAM, keyword(), stream, "header");
    for (Schema schema : eventSchemas) {
      for (Field field : schema.getFields()) {
        if (field.name().equals(HEADER)) {
          for (Field headerField : nonNull(field.schema()).getFields()) {
            if (!headerField.name().equals(OCCURRED_AT)) {
              put(
                  properties,
                  headerField.name(),
                  mapping(headerField.name(), headerField.schema(), schema.getName()),
                  stream,
                  schema.getName());
            }
          }
        } else {
          put(
              properties,
              field.name(),
              mapping(field.name(), field.schema(), schema.getName()),
              stream,
              schema.getName());
        }
      }
    }
    Map<String, Object> mappings = new LinkedHashMap<>();
    mappings.put("dynamic", "strict");
    mappings.put("properties", properties);
    return mappings;
  }

  private static Map<String, Object> mapping(String name, Schema schema, String where) {
    Schema type = nonNull(schema);
    LogicalType logical = type.getLogicalType();
    if (logical instanceof LogicalTypes.TimestampMillis
        || logical instanceof LogicalTypes.TimestampMicros) {
      return Map.of("type", "date");
    }
    if (logical instanceof LogicalTypes.Decimal) {
      return Map.of("type", "double");
    }
    return switch (type.getType()) {
      case RECORD -> Map.of("properties", properties(type));
      case ENUM -> keyword();
      case STRING -> EventFields.isFreeText(name) ? text() : keyword();
      case INT -> Map.of("type", "integer");
      case LONG -> Map.of("type", "long");
      case FLOAT -> Map.of("type", "float");
      case DOUBLE -> Map.of("type", "double");
      case BOOLEAN -> Map.of("type", "boolean");
      case BYTES, FIXED -> Map.of("type", "binary");
      case MAP -> Map.of("type", "flattened");
      case ARRAY -> arrayOf(name, type.getElementType(), where);
      default ->
          throw new IllegalArgumentException(
              where + "." + name + ": no Elasticsearch mapping for Avro type " + type);
    };
  }

  private static Map<String, Object> arrayOf(String name, Schema items, String where) {
    Schema item = nonNull(items);
    if (item.getType() == Schema.Type.FLOAT || item.getType() == Schema.Type.DOUBLE) {
      Map<String, Object> vector = new LinkedHashMap<>();
      vector.put("type", item.getType() == Schema.Type.FLOAT ? "float" : "double");
      vector.put("index", false);
      vector.put("doc_values", false);
      return vector;
    }
    return mapping(name, item, where);
  }

  private static Map<String, Object> properties(Schema record) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Field field : record.getFields()) {
      properties.put(field.name(), mapping(field.name(), field.schema(), record.getName()));
    }
    return properties;
  }

  /** Adds a field, or checks that the one already there (from another event type) agrees. */
  @SuppressWarnings("unchecked")
  private static void put(
      Map<String, Object> properties,
      String name,
      Map<String, Object> mapping,
      String stream,
      String eventType) {
    Object existing = properties.get(name);
    if (existing == null) {
      properties.put(name, mapping);
      return;
    }
    Map<String, Object> before = (Map<String, Object>) existing;
    if (before.containsKey("properties") && mapping.containsKey("properties")) {
      Map<String, Object> merged =
          new LinkedHashMap<>((Map<String, Object>) before.get("properties"));
      ((Map<String, Object>) mapping.get("properties"))
          .forEach(
              (child, childMapping) ->
                  put(merged, child, (Map<String, Object>) childMapping, stream, eventType));
      properties.put(name, Map.of("properties", merged));
      return;
    }
    // An enum and a prose string of one name (MemoryDeleted's ForgetReason, MemorySuperseded's
    // free-text reason): text with a keyword sub-field serves both, exact values under .keyword.
    if (before.equals(keyword()) && mapping.equals(text())) {
      properties.put(name, mapping);
      return;
    }
    if (before.equals(text()) && mapping.equals(keyword())) {
      return;
    }
    if (!Objects.equals(before, mapping)) {
      throw new IllegalStateException(
          "stream "
              + stream
              + ": field "
              + name
              + " of "
              + eventType
              + " maps to "
              + mapping
              + " but another event type of the stream has it as "
              + before
              + "; rename one of them");
    }
  }

  /** The one non-null branch of a nullable union; other unions have no single field type. */
  public static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> branches =
        schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
    if (branches.size() != 1) {
      throw new IllegalArgumentException(
          "only [null, T] unions can be indexed, not " + schema + ": give the field one type");
    }
    return branches.get(0);
  }

  private static Map<String, Object> keyword() {
    return Map.of("type", "keyword", "ignore_above", IGNORE_ABOVE);
  }

  private static Map<String, Object> text() {
    return Map.of(
        "type",
        "text",
        "fields",
        Map.of("keyword", Map.of("type", "keyword", "ignore_above", IGNORE_ABOVE)));
  }
}
