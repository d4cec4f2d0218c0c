package dev.agentos.flink.io;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads AgentOS events in the registry's wire format and maps each to the job's inputs (right), or
 * to a dead letter with the reason when it cannot be decoded or mapped (left): one bad record never
 * stops a job. A schema registry that does not answer is not the record's fault: the read fails,
 * the job restarts from its checkpoint and reads the record again once the registry is back.
 */
public final class RegistryRecords<T>
    implements KafkaRecordDeserializationSchema<Either<RecordDeadLettered, T>> {

  private static final long serialVersionUID = 1L;

  private final String registryUrl;
  private final String stage;
  private final EventMapper<T> mapper;
  private final TypeInformation<T> inputType;
  private transient RegistryAvroDeserializer<Object> deserializer;

  public RegistryRecords(
      String registryUrl, String stage, EventMapper<T> mapper, TypeInformation<T> inputType) {
    this.registryUrl = registryUrl;
    this.stage = stage;
    this.mapper = mapper;
    this.inputType = inputType;
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    deserializer = new RegistryAvroDeserializer<>();
    deserializer.configure(Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
  }

  @Override
  public void deserialize(
      ConsumerRecord<byte[], byte[]> record, Collector<Either<RecordDeadLettered, T>> out)
      throws IOException {
    if (record.value() == null) {
      return; // a tombstone carries no event
    }
    Object decoded;
    try {
      decoded = deserializer.deserialize(record.topic(), record.value());
    } catch (RuntimeException e) {
      if (registryUnavailable(e)) {
        throw new IOException("the schema registry did not answer while reading " + at(record), e);
      }
      out.collect(
          Either.Left(DeadLetterRecords.unreadable(record, stage, e.getMessage(), name(e))));
      return;
    }
    if (!(decoded instanceof SpecificRecord event)) {
      out.collect(
          Either.Left(
              DeadLetterRecords.unreadable(
                  record, stage, "not an AgentOS event: " + decoded.getClass().getName(), null)));
      return;
    }
    List<T> inputs;
    try {
      inputs = mapper.map(event, at(record));
    } catch (RuntimeException e) {
      out.collect(
          Either.Left(
              DeadLetterRecords.unreadable(
                  record, stage, "cannot map " + event.getSchema().getName() + ": " + e, name(e))));
      return;
    }
    for (T input : inputs) {
      out.collect(Either.Right(input));
    }
  }

  @Override
  public TypeInformation<Either<RecordDeadLettered, T>> getProducedType() {
    return new EitherTypeInfo<>(new AvroTypeInfo<>(RecordDeadLettered.class), inputType);
  }

  /** No answer, or a 5xx: the registry is down, not the record unreadable. */
  private static boolean registryUnavailable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SchemaRegistryException registry) {
        return registry.httpStatus() == SchemaRegistryException.NO_ANSWER
            || registry.httpStatus() >= 500;
      }
    }
    return false;
  }

  private static SourcePosition at(ConsumerRecord<byte[], byte[]> record) {
    return new SourcePosition(record.topic(), record.partition(), record.offset());
  }

  private static String name(Throwable e) {
    return e.getClass().getName();
  }
}
