package dev.agentos.benchmarks.learning;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.flink.io.EventMapper;
import dev.agentos.flink.io.FromSource;
import dev.agentos.flink.io.JobIo;
import dev.agentos.schemas.topics.Topic;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A job's {@link JobIo} that notes which topics the job reads, so its baseline, the plain consumer,
 * reads exactly those.
 */
final class TopicsRead implements JobIo {

  private final JobIo io;
  private final Set<String> names = new TreeSet<>();

  TopicsRead(JobIo io) {
    this.io = io;
  }

  /** The declared names of the topics read so far (not their bench copies'). */
  Set<String> names() {
    return names;
  }

  @Override
  public <T extends FromSource> DataStream<T> read(
      StreamExecutionEnvironment env,
      String name,
      List<Topic<String, ?>> topics,
      EventMapper<T> mapper,
      TypeInformation<T> type) {
    topics.forEach(topic -> names.add(topic.name()));
    return io.read(env, name, topics, mapper, type);
  }

  @Override
  public <T extends SpecificRecord> void write(
      DataStream<T> events, Topic<String, T> topic, String name) {
    io.write(events, topic, name);
  }

  @Override
  public void deadLetter(DataStream<RecordDeadLettered> letters, String name) {
    io.deadLetter(letters, name);
  }
}
