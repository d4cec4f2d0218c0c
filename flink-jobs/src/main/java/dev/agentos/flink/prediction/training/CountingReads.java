package dev.agentos.flink.prediction.training;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.flink.io.EventMapper;
import dev.agentos.flink.io.FromSource;
import dev.agentos.flink.io.JobIo;
import dev.agentos.schemas.topics.Topic;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A job's {@link JobIo} that also counts every input its sources yield in the accumulator {@value
 * #ACCUMULATOR}, which the driver reads while the job runs (Flink ships accumulators with each
 * heartbeat), so a replay can say how far it has read and how fast. Counted are the events the job
 * reads, as mapped from the topics; records of types the job ignores are not among them.
 */
public final class CountingReads implements JobIo {

  public static final String ACCUMULATOR = "events-read";

  private final JobIo io;
  private final String job;

  public CountingReads(JobIo io, String job) {
    this.io = io;
    this.job = job;
  }

  @Override
  public <T extends FromSource> DataStream<T> read(
      StreamExecutionEnvironment env,
      String name,
      List<Topic<String, ?>> topics,
      EventMapper<T> mapper,
      TypeInformation<T> type) {
    return io.read(env, name, topics, mapper, type)
        .map(new Count<T>())
        .returns(type)
        .name(job + ": count " + name)
        .uid(job + "-count-" + name);
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

  /** Passes its inputs on, counting them. */
  static final class Count<T> extends RichMapFunction<T, T> {

    private static final long serialVersionUID = 1L;

    private transient LongCounter read;

    @Override
    public void open(OpenContext context) {
      read = getRuntimeContext().getLongCounter(ACCUMULATOR);
    }

    @Override
    public T map(T input) {
      read.add(1);
      return input;
    }
  }
}
