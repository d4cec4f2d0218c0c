package dev.agentos.projections.streams;

import static dev.agentos.readmodels.streams.EventFields.EVENT_ID;
import static dev.agentos.readmodels.streams.EventFields.EVENT_TYPE;
import static dev.agentos.readmodels.streams.EventFields.HEADER;
import static dev.agentos.readmodels.streams.EventFields.OCCURRED_AT;
import static dev.agentos.readmodels.streams.EventFields.STREAM;
import static dev.agentos.readmodels.streams.EventFields.TIMESTAMP;

import dev.agentos.readmodels.streams.StreamMappings;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * Turns an event into the flat document {@link StreamMappings} describes: header fields at the top
 * with {@code occurredAt} as {@code @timestamp}, nested records under dotted names, values in the
 * JSON form their mapped type reads.
 */
public final class EventDocuments {

  private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

  private EventDocuments() {}

  /** The event's id: the document id, so a redelivered event overwrites its own document. */
  public static String eventId(IndexedRecord event) {
    IndexedRecord header = header(event);
    return String.valueOf(header.get(header.getSchema().getField(EVENT_ID).pos()));
  }

  public static Map<String, Object> of(IndexedRecord event, String stream) {
    Map<String, Object> doc = new LinkedHashMap<>();
    IndexedRecord header = header(event);
    for (Field field : header.getSchema().getFields()) {
      Object value = header.get(field.pos());
      if (field.name().equals(OCCURRED_AT)) {
        doc.put(TIMESTAMP, value(field.schema(), value));
      } else {
        putIfPresent(doc, field.name(), value(field.schema(), value));
      }
    }
    doc.put(EVENT_TYPE, event.getSchema().getName());
    doc.put(STREAM, stream);
    flatten(event, "", doc, true);
    return doc;
  }

  private static IndexedRecord header(IndexedRecord event) {
    Field field = event.getSchema().getField(HEADER);
    if (field == null || !(event.get(field.pos()) instanceof IndexedRecord header)) {
      throw new IllegalArgumentException(
          event.getSchema().getFullName() + " has no header record: it is not an AgentOS event");
    }
    return header;
  }

  /** Puts the record's fields under {@code prefix}; the top-level header is already placed. */
  private static void flatten(
      IndexedRecord record, String prefix, Map<String, Object> doc, boolean topLevel) {
    for (Field field : record.getSchema().getFields()) {
      if (topLevel && field.name().equals(HEADER)) {
        continue;
      }
      Schema type = StreamMappings.nonNull(field.schema());
      Object value = record.get(field.pos());
      if (type.getType() == Schema.Type.RECORD && value instanceof IndexedRecord nested) {
        flatten(nested, prefix + field.name() + ".", doc, false);
      } else {
        putIfPresent(doc, prefix + field.name(), value(type, value));
      }
    }
  }

  private static void putIfPresent(Map<String, Object> doc, String name, Object value) {
    if (value != null) {
      doc.put(name, value);
    }
  }

  /** The JSON value for one Avro value of {@code schema}. */
  private static Object value(Schema schema, Object value) {
    if (value == null) {
      return null;
    }
    Schema type = StreamMappings.nonNull(schema);
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    if (type.getLogicalType() instanceof LogicalTypes.TimestampMillis && value instanceof Long ms) {
      return Instant.ofEpochMilli(ms).toString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    return switch (type.getType()) {
      case RECORD -> record((IndexedRecord) value);
      case ENUM, STRING -> value.toString();
      case BYTES -> base64((ByteBuffer) value);
      case FIXED -> Base64.getEncoder().encodeToString(((GenericData.Fixed) value).bytes());
      case MAP -> flattenedMap(type.getValueType(), (Map<?, ?>) value);
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        for (Object item : (Iterable<?>) value) {
          items.add(value(type.getElementType(), item));
        }
        yield items;
      }
      default -> value; // numbers and booleans are already their JSON selves
    };
  }

  /** A record inside an array: its own flat object, so each element keeps its fields together. */
  private static Map<String, Object> record(IndexedRecord record) {
    Map<String, Object> doc = new LinkedHashMap<>();
    flatten(record, "", doc, false);
    return doc;
  }

  /**
   * A flattened field holds keywords: every value becomes a string; bytes are read as UTF-8 (Kafka
   * headers are text in practice), a decimal keeps its exact digits.
   */
  private static Map<String, String> flattenedMap(Schema valueType, Map<?, ?> map) {
    Map<String, String> flat = new TreeMap<>();
    map.forEach(
        (key, value) -> {
          if (value == null) {
            return;
          }
          String text;
          if (value instanceof ByteBuffer bytes
              && valueType.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
            text = DECIMALS.fromBytes(bytes.duplicate(), valueType, decimal).toPlainString();
          } else if (value instanceof ByteBuffer bytes) {
            text = StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
          } else if (value instanceof BigDecimal decimal) {
            text = decimal.toPlainString();
          } else {
            text = value.toString();
          }
          flat.put(key.toString(), text);
        });
    return flat;
  }

  private static String base64(ByteBuffer bytes) {
    ByteBuffer copy = bytes.duplicate();
    byte[] array = new byte[copy.remaining()];
    copy.get(array);
    return Base64.getEncoder().encodeToString(array);
  }
}
