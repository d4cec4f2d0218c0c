package dev.agentos.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads JSON as clients write it into a generated Avro record, guided by the record's schema, and
 * says for every value that does not fit where it is (a JSON path such as {@code
 * events[3].limits.wallTimeoutMs}) and why.
 *
 * <p>This exists because Avro's own {@code JsonDecoder} reads only Avro's JSON <em>encoding</em>,
 * in which a union value is wrapped in an object naming its branch ({@code "model": {"string":
 * "gpt-5"}}), and whose errors name no field. Here a nullable field is simply the value or {@code
 * null}, an enum is its symbol, a {@code timestamp-millis} is an ISO-8601 instant or epoch
 * milliseconds, {@code bytes} are base64, and a missing field takes its schema default.
 *
 * <p>It is strict wherever leniency would hide a client's mistake: an unknown field, a number sent
 * as a string, a fraction in an integer, an out-of-range number or {@code null} in a field that is
 * not nullable is an error, never silently dropped or coerced.
 */
public final class JsonToAvro {

  /** More errors than this for one event add nothing but response size. */
  static final int MAX_ERRORS = 20;

  static {
    // Creating generated records and enums by schema name goes through Avro's class trust list.
    GeneratedAvroClasses.trust();
  }

  private final SpecificData model;
  private final FieldBounds bounds;
  private final List<FieldError> errors = new ArrayList<>();

  private JsonToAvro(SpecificData model, FieldBounds bounds) {
    this.model = model;
    this.bounds = bounds;
  }

  /**
   * The outcome of reading one record: the record when {@code errors} is empty, else null.
   *
   * @param record the generated record, complete and valid for its schema
   * @param errors what is wrong, in the order the schema declares the fields
   */
  public record Result<T extends SpecificRecord>(T record, List<FieldError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /**
   * Reads {@code json} as a {@code type}.
   *
   * @param path where {@code json} sits in the request, the prefix of every error's field
   * @param supplied values of fields the server decides (such as {@code header}); the JSON must not
   *     contain them
   */
  public static <T extends SpecificRecord> Result<T> read(
      Class<T> type, JsonNode json, String path, Map<String, Object> supplied) {
    return read(type, json, path, supplied, FieldBounds.NONE);
  }

  /**
   * Reads {@code json} as a {@code type}, also refusing a string, array or map over its {@code
   * bounds}.
   */
  static <T extends SpecificRecord> Result<T> read(
      Class<T> type, JsonNode json, String path, Map<String, Object> supplied, FieldBounds bounds) {
    SpecificData model = SpecificData.getForClass(type);
    JsonToAvro reader = new JsonToAvro(model, bounds);
    Object record = reader.record(model.getSchema(type), json, path, supplied);
    if (!reader.errors.isEmpty()) {
      return new Result<>(null, List.copyOf(reader.errors));
    }
    return new Result<>(type.cast(record), List.of());
  }

  /**
   * @param place where the value sits in the schema, for its bounds: {@code Record.field}, with
   *     {@code []} for an array's items and {@code {}} for a map's values
   */
  private Object value(Schema schema, JsonNode json, String path, String place) {
    return switch (schema.getType()) {
      case UNION -> union(schema, json, path, place);
      case RECORD -> record(schema, json, path, Map.of());
      case ENUM -> enumSymbol(schema, json, path);
      case ARRAY -> array(schema, json, path, place);
      case MAP -> map(schema, json, path, place);
      case STRING ->
          json.isTextual() ? text(json.textValue(), path, place) : expected("string", json, path);
      case BOOLEAN -> json.isBoolean() ? json.booleanValue() : expected("boolean", json, path);
      case INT -> logical(schema, integral(json, path, "int"));
      case LONG -> logical(schema, longValue(schema, json, path));
      case FLOAT -> floatValue(json, path);
      case DOUBLE -> json.isNumber() ? json.doubleValue() : expected("double", json, path);
      case BYTES -> logical(schema, bytes(json, path));
      case NULL -> json.isNull() ? null : expected("null", json, path);
      case FIXED -> error(path, "fixed values (" + schema.getName() + ") cannot be sent as JSON");
    };
  }

  private Object record(Schema schema, JsonNode json, String path, Map<String, Object> supplied) {
    if (!json.isObject()) {
      return expected("an object (" + schema.getName() + ")", json, path);
    }
    IndexedRecord record = (IndexedRecord) model.newRecord(null, schema);
    for (Field field : schema.getFields()) {
      String at = path + "." + field.name();
      JsonNode value = json.get(field.name());
      if (supplied.containsKey(field.name())) {
        if (value != null) {
          error(at, "is set by the server and must not be sent");
        }
        record.put(field.pos(), supplied.get(field.name()));
      } else if (value != null) {
        Object read = value(field.schema(), value, at, schema.getName() + "." + field.name());
        // A fresh record already holds null; primitive fields of generated classes refuse it.
        if (read != null) {
          record.put(field.pos(), read);
        }
      } else if (field.hasDefaultValue()) {
        // The cached default is shared: copy it, as generated builders do.
        record.put(field.pos(), model.deepCopy(field.schema(), model.getDefaultValue(field)));
      } else {
        error(at, "is required (" + ErrorText.describe(field.schema()) + ")");
      }
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (schema.getField(name) == null) {
        error(
            path + "." + name,
            "unknown field of "
                + schema.getName()
                + "; known: "
                + schema.getFields().stream()
                    .map(Field::name)
                    .filter(known -> !supplied.containsKey(known))
                    .toList());
      }
    }
    return record;
  }

  /** A union is written as the plain value of whichever branch it fits, or null. */
  private Object union(Schema schema, JsonNode json, String path, String place) {
    List<Schema> branches =
        schema.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL).toList();
    if (json.isNull()) {
      return branches.size() < schema.getTypes().size()
          ? null
          : expected(ErrorText.describe(schema), json, path);
    }
    if (branches.size() == 1) {
      return value(branches.get(0), json, path, place);
    }
    for (Schema branch : branches) {
      JsonToAvro attempt = new JsonToAvro(model, bounds);
      Object value = attempt.value(branch, json, path, place);
      if (attempt.errors.isEmpty()) {
        return value;
      }
    }
    return expected(ErrorText.describe(schema), json, path);
  }

  private Object enumSymbol(Schema schema, JsonNode json, String path) {
    if (json.isTextual() && schema.hasEnumSymbol(json.textValue())) {
      return model.createEnum(json.textValue(), schema);
    }
    return expected("one of " + schema.getEnumSymbols(), json, path);
  }

  private Object array(Schema schema, JsonNode json, String path, String place) {
    if (!json.isArray()) {
      return expected("an array of " + ErrorText.describe(schema.getElementType()), json, path);
    }
    if (json.size() > bounds.maxItems(place)) {
      return error(
          path, "must hold at most " + bounds.maxItems(place) + " items, held " + json.size());
    }
    List<Object> items = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      items.add(value(schema.getElementType(), json.get(i), path + "[" + i + "]", place + "[]"));
    }
    return items;
  }

  private Object map(Schema schema, JsonNode json, String path, String place) {
    if (!json.isObject()) {
      return expected(
          "an object mapping names to " + ErrorText.describe(schema.getValueType()), json, path);
    }
    if (json.size() > bounds.maxItems(place)) {
      return error(
          path, "must hold at most " + bounds.maxItems(place) + " entries, held " + json.size());
    }
    Map<String, Object> entries = new HashMap<>();
    json.fields()
        .forEachRemaining(
            entry -> {
              if (entry.getKey().length() > bounds.maxKeyLength(place)) {
                error(
                    path,
                    "keys must be at most "
                        + bounds.maxKeyLength(place)
                        + " characters, one was "
                        + entry.getKey().length());
              }
              entries.put(
                  entry.getKey(),
                  value(
                      schema.getValueType(),
                      entry.getValue(),
                      path + "[\"" + entry.getKey() + "\"]",
                      place + "{}"));
            });
    return entries;
  }

  private Object text(String text, String path, String place) {
    int max = bounds.maxLength(place);
    if (text.length() > max) {
      return error(path, "must be at most " + max + " characters, was " + text.length());
    }
    return text;
  }

  private Object integral(JsonNode json, String path, String type) {
    if (!json.isIntegralNumber()) {
      return expected(type, json, path);
    }
    boolean fits = type.equals("int") ? json.canConvertToInt() : json.canConvertToLong();
    if (!fits) {
      return error(path, json.asText() + " is out of range for " + type);
    }
    return type.equals("int") ? (Object) json.intValue() : (Object) json.longValue();
  }

  /** A {@code timestamp-millis} also accepts an ISO-8601 instant, what JSON clients write. */
  private Object longValue(Schema schema, JsonNode json, String path) {
    boolean timestamp = schema.getLogicalType() instanceof LogicalTypes.TimestampMillis;
    if (timestamp && json.isTextual()) {
      try {
        return Instant.parse(json.textValue()).toEpochMilli();
      } catch (DateTimeParseException | ArithmeticException e) {
        return expected(ErrorText.TIMESTAMP, json, path);
      }
    }
    if (timestamp && !json.isIntegralNumber()) {
      return expected(ErrorText.TIMESTAMP, json, path);
    }
    return integral(json, path, "long");
  }

  private Object floatValue(JsonNode json, String path) {
    if (!json.isNumber()) {
      return expected("float", json, path);
    }
    float value = json.floatValue();
    if (Float.isInfinite(value)) {
      return error(path, json.asText() + " is out of range for float");
    }
    return value;
  }

  private Object bytes(JsonNode json, String path) {
    if (json.isTextual()) {
      try {
        return ByteBuffer.wrap(Base64.getDecoder().decode(json.textValue()));
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    return expected("base64 text", json, path);
  }

  /** Turns Avro's plain representation into the generated class's, e.g. millis to Instant. */
  private Object logical(Schema schema, Object raw) {
    LogicalType type = schema.getLogicalType();
    Conversion<?> conversion = type == null ? null : model.getConversionFor(type);
    if (raw == null || conversion == null) {
      return raw;
    }
    return Conversions.convertToLogicalType(raw, schema, type, conversion);
  }

  private Object expected(String what, JsonNode json, String path) {
    return error(path, "expected " + what + ", got " + ErrorText.quote(json));
  }

  private Object error(String path, String reason) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(new FieldError(path, reason));
    } else if (errors.size() == MAX_ERRORS) {
      errors.add(new FieldError(path, "more errors left out; fix those above first"));
    }
    return null;
  }
}
