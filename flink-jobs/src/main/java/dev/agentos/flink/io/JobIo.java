package dev.agentos.flink.io;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.schemas.topics.Topic;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where a learning job reads and writes. A job receives one, so the same pipeline runs on Kafka and
 * the registry ({@link KafkaJobIo}) or on whatever a test gives it. Every name becomes part of an
 * operator's {@code uid}: keep it stable, or a restart from a checkpoint loses that state.
 */
public interface JobIo {

  /**
   * The job's inputs mapped from {@code topics}, with event-time timestamps and watermarks; records
   * that cannot be read are already on their way to the dead letters.
   *
   * @param name the source's name, unique in the job, e.g. "executions"
   */
  <T extends FromSource> DataStream<T> read(
      StreamExecutionEnvironment env,
      String name,
      List<Topic<String, ?>> topics,
      EventMapper<T> mapper,
      TypeInformation<T> type);

  /** Writes {@code events} to {@code topic}; {@code name} is unique in the job. */
  <T extends SpecificRecord> void write(DataStream<T> events, Topic<String, T> topic, String name);

  /** Writes dead letters; {@code name} is unique in the job, e.g. "late-failures". */
  void deadLetter(DataStream<RecordDeadLettered> letters, String name);
}
