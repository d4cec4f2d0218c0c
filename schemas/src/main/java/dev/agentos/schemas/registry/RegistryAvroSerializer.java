package dev.agentos.schemas.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated {@link SpecificRecord}s or {@code GenericRecord}s) in Confluent's
 * wire format under the subject {@code <topic>-<record full name>}, registering the record's schema
 * first when {@code auto.register.schemas} is true (the default).
 */
public class RegistryAvroSerializer<T> implements Serializer<T> {

  private SchemaRegistryClient registry;
  private boolean autoRegister = true;
  private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

  /** For Kafka, which then calls {@link #configure} with {@code schema.registry.url}. */
  public RegistryAvroSerializer() {}

  /** Uses {@code registry}; {@link #configure} then only reads {@code auto.register.schemas}. */
  public RegistryAvroSerializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    RegistrySerdeConfig config = RegistrySerdeConfig.from(configs);
    if (registry == null) {
      registry = config.connect();
    }
    autoRegister = config.autoRegisterSchemas();
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (!(data instanceof GenericContainer container)) {
      throw new SerializationException(
          "RegistryAvroSerializer writes Avro records (SpecificRecord or GenericRecord), not "
              + data.getClass().getName());
    }
    Schema schema = container.getSchema();
    int id = schemaId(TopicRecordNameStrategy.subject(topic, schema), schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    WireFormat.writeHeader(out, id);
    try {
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      writerFor(data, schema).write(data, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot encode a " + schema.getFullName() + " for topic '" + topic + "': " + e, e);
    }
    return out.toByteArray();
  }

  private int schemaId(String subject, Schema schema) {
    if (registry == null) {
      throw new IllegalStateException(
          "RegistryAvroSerializer is not configured: it needs schema.registry.url");
    }
    try {
      return autoRegister ? registry.register(subject, schema) : registry.getId(subject, schema);
    } catch (SchemaRegistryException e) {
      String action = autoRegister ? "register" : "look up (auto.register.schemas=false)";
      throw new SerializationException(
          "Cannot " + action + " the schema of subject '" + subject + "': " + e.getMessage(), e);
    }
  }

  private DatumWriter<Object> writerFor(Object data, Schema schema) {
    return writers.computeIfAbsent(
        new WriterKey(data.getClass(), schema),
        key ->
            data instanceof SpecificRecord
                ? new SpecificDatumWriter<>(schema, SpecificData.getForClass(data.getClass()))
                : new GenericDatumWriter<>(schema, GenericData.get()));
  }

  /** A writer depends on the record's class (its logical-type conversions) and its schema. */
  private record WriterKey(Class<?> type, Schema schema) {}
}
