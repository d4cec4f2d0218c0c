package dev.agentos.schemas.registry;

import dev.agentos.schemas.avro.GeneratedAvroClasses;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in Confluent's wire format. The writer schema comes from the registry by the id in
 * the header; with {@code specific.avro.reader} true (the default) the record is resolved into the
 * generated class named by the writer schema's full name, whose own schema is the reader schema, so
 * a consumer built against a newer (or older) compatible schema reads every version. With false it
 * returns a {@code GenericRecord} in the writer schema.
 */
public class RegistryAvroDeserializer<T> implements Deserializer<T> {

  private SchemaRegistryClient registry;
  private boolean specificReader = true;
  private ClassLoader classLoader = RegistryAvroDeserializer.class.getClassLoader();
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

  /** For Kafka, which then calls {@link #configure} with {@code schema.registry.url}. */
  public RegistryAvroDeserializer() {}

  /** Uses {@code registry}; {@link #configure} then only reads {@code specific.avro.reader}. */
  public RegistryAvroDeserializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    RegistrySerdeConfig config = RegistrySerdeConfig.from(configs);
    if (registry == null) {
      registry = config.connect();
    }
    specificReader = config.specificAvroReader();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      classLoader = context;
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (registry == null) {
      throw new IllegalStateException(
          "RegistryAvroDeserializer is not configured: it needs schema.registry.url");
    }
    ByteBuffer buffer = ByteBuffer.wrap(data);
    int id = WireFormat.readSchemaId(buffer, topic);
    DatumReader<Object> reader = readers.computeIfAbsent(id, key -> readerFor(topic, key));
    try {
      BinaryDecoder decoder =
          DecoderFactory.get().binaryDecoder(data, buffer.position(), buffer.remaining(), null);
      return (T) reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot decode a record of topic '" + topic + "' written with schema id " + id + ": " + e,
          e);
    }
  }

  private DatumReader<Object> readerFor(String topic, int id) {
    Schema writer = writerSchema(topic, id);
    if (!specificReader || !isNamed(writer)) {
      return new GenericDatumReader<>(writer, writer, GenericData.get());
    }
    GeneratedAvroClasses.trust();
    Class<?> type = new SpecificData(classLoader).getClass(writer);
    if (type == null) {
      throw new SerializationException(
          "Cannot decode a record of topic '"
              + topic
              + "': no class "
              + SpecificData.getClassName(writer)
              + " for the writer schema "
              + writer.getFullName()
              + " (id "
              + id
              + ") is on the classpath; add the generated class or set specific.avro.reader=false");
    }
    SpecificData model = SpecificData.getForClass(type);
    return new SpecificDatumReader<>(writer, model.getSchema(type), model);
  }

  private static boolean isNamed(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> true;
      default -> false;
    };
  }

  private Schema writerSchema(String topic, int id) {
    try {
      return registry.getById(id);
    } catch (SchemaRegistryException e) {
      String why =
          e.errorCode() == 40403
              ? "schema id " + id + " is unknown to the schema registry"
              : "the schema registry could not give schema id " + id;
      throw new SerializationException(
          "Cannot decode a record of topic '" + topic + "': " + why + ": " + e.getMessage(), e);
    }
  }
}
