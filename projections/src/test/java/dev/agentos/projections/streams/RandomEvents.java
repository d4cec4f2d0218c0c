package dev.agentos.projections.streams;

import dev.agentos.readmodels.streams.EventFields;
import dev.agentos.readmodels.streams.EventStreams;
import dev.agentos.readmodels.streams.StreamMappings;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import dev.agentos.schemas.topics.Topic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.RandomData;

/**
 * Events of every type of every stream with every field filled by Avro's {@link RandomData}, so a
 * field nobody thought of is exercised too. Timestamps are moved to now (random longs are far
 * outside any date Elasticsearch reads) and the event id is a fresh UUID.
 */
final class RandomEvents {

  static {
    GeneratedAvroClasses.trust(); // the specific reader refuses classes it is not told to trust
  }

  private RandomEvents() {}

  static List<SpecificRecord> ofEveryType(long seed) {
    List<SpecificRecord> events = new ArrayList<>();
    for (Topic<String, ?> topic : EventStreams.topics()) {
      for (Class<? extends SpecificRecord> type : topic.eventTypes()) {
        events.add(of(type, seed++));
      }
    }
    return events;
  }

  static <T extends SpecificRecord> T of(Class<T> type, long seed) {
    Schema schema = SpecificData.get().getSchema(type);
    GenericRecord random = (GenericRecord) new RandomData(schema, 1, seed).iterator().next();
    Instant now = Instant.now();
    sane(random, now.toEpochMilli());
    ((GenericRecord) random.get(EventFields.HEADER))
        .put(EventFields.EVENT_ID, UUID.randomUUID().toString());
    return toSpecific(random, type);
  }

  /** Puts {@code now} in every timestamp, however deep. */
  private static void sane(Object value, long now) {
    if (value instanceof GenericRecord record) {
      for (Schema.Field field : record.getSchema().getFields()) {
        Schema type = StreamMappings.nonNull(field.schema());
        Object fieldValue = record.get(field.pos());
        if (type.getLogicalType() instanceof LogicalTypes.TimestampMillis && fieldValue != null) {
          record.put(field.pos(), now);
        } else {
          sane(fieldValue, now);
        }
      }
    } else if (value instanceof Iterable<?> items) {
      items.forEach(item -> sane(item, now));
    }
  }

  private static <T extends SpecificRecord> T toSpecific(GenericRecord record, Class<T> type) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
      new GenericDatumWriter<GenericRecord>(record.getSchema(), GenericData.get())
          .write(record, encoder);
      encoder.flush();
      return new SpecificDatumReader<>(type)
          .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
