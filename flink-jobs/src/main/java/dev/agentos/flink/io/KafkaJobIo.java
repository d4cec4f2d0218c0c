package dev.agentos.flink.io;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.schemas.topics.Topic;
import dev.agentos.schemas.topics.Topics;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The learning jobs' Kafka: sources read committed records only (the canonical topics are written
 * in transactions) from the job's consumer group's offsets, else from the start, so a new job
 * learns from the whole history (a bounded run always reads from the start, to the ends); sinks
 * write exactly once in transactions committed with each checkpoint. Offsets are committed to the
 * group on checkpoints, which is what status reads as lag; the job itself restarts from its
 * checkpoint, not from those offsets.
 */
public final class KafkaJobIo implements JobIo {

  private final String job;
  private final KafkaSettings settings;
  private final UnaryOperator<String> topicNames;
  private final String transactionalIdPrefix;

  /**
   * @param job the job's name: its consumer group and its transactional ids derive from it
   */
  public KafkaJobIo(String job, KafkaSettings settings) {
    this(job, settings, UnaryOperator.identity());
  }

  /**
   * Reads and writes the topics {@code topicNames} maps each declared topic's name to: copies of
   * the stack's topics, where a benchmark replays a history of its own without the live jobs (or
   * read models) ever seeing it.
   */
  public KafkaJobIo(String job, KafkaSettings settings, UnaryOperator<String> topicNames) {
    this.job = job;
    this.settings = settings;
    this.topicNames = topicNames;
    this.transactionalIdPrefix =
        settings.bounded() ? "agentos-" + job + "-replay-" + UUID.randomUUID() : "agentos-" + job;
  }

  public static String consumerGroup(String job) {
    return "agentos-flink-" + job;
  }

  @Override
  public <T extends FromSource> DataStream<T> read(
      StreamExecutionEnvironment env,
      String name,
      List<Topic<String, ?>> topics,
      EventMapper<T> mapper,
      TypeInformation<T> type) {
    // A replay reads under a group of its own and commits nothing: the streaming job's offsets,
    // which status reads as its lag, stay the streaming job's.
    String group = settings.bounded() ? consumerGroup(job) + "-replay" : consumerGroup(job);
    KafkaSourceBuilder<Either<RecordDeadLettered, T>> builder =
        KafkaSource.<Either<RecordDeadLettered, T>>builder()
            .setBootstrapServers(settings.bootstrapServers())
            .setTopics(topics.stream().map(topic -> topicNames.apply(topic.name())).toList())
            .setGroupId(group)
            .setClientIdPrefix(group + "-" + name)
            .setProperty("isolation.level", "read_committed")
            .setDeserializer(new RegistryRecords<>(settings.registryUrl(), job, mapper, type));
    if (settings.bounded()) {
      // A replay: the whole history as it stands now, whatever the group read before.
      builder
          .setStartingOffsets(OffsetsInitializer.earliest())
          .setBounded(OffsetsInitializer.latest());
    } else {
      builder.setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST));
    }
    SingleOutputStreamOperator<T> inputs =
        env.fromSource(builder.build(), watermarks(), job + ": read " + name)
            .uid(job + "-source-" + name)
            .process(new SplitUnreadable<T>())
            .returns(type)
            .name(job + ": split unreadable " + name)
            .uid(job + "-split-" + name);
    deadLetter(inputs.getSideOutput(SplitUnreadable.UNREADABLE), "unreadable-" + name);
    return inputs;
  }

  @Override
  public <T extends SpecificRecord> void write(
      DataStream<T> events, Topic<String, T> topic, String name) {
    events
        .sinkTo(sink(topicNames.apply(topic.name()), name))
        .name(job + ": write " + topic.name())
        .uid(job + "-sink-" + name);
  }

  /**
   * What the transactional ids of the job's sinks start with. A streaming job keeps one prefix for
   * good, so a restart finds and aborts the transactions its last run left open. A replay gets one
   * of its own each run: Flink aborts lingering transactions by initialising the ids it would use
   * itself, from checkpoint 1 up, so under the streaming job's ids a replay would fence the live
   * job's open transaction, and under an earlier replay's ids a second replay in the same JVM loses
   * what it writes at the end of its input (seen in FeaturesJobIT). A replay never resumes a
   * checkpoint, so it has nothing of its own to abort; should its process die, its open
   * transactions end with the transaction timeout.
   */
  String transactionalIdPrefix() {
    return transactionalIdPrefix;
  }

  @Override
  public void deadLetter(DataStream<RecordDeadLettered> letters, String name) {
    write(letters, Topics.DEAD_LETTERS, "dead-letters-" + name);
  }

  private <T extends SpecificRecord> KafkaSink<T> sink(String topic, String name) {
    Properties producer = new Properties();
    producer.setProperty(
        "transaction.timeout.ms", Long.toString(settings.transactionTimeout().toMillis()));
    return KafkaSink.<T>builder()
        .setBootstrapServers(settings.bootstrapServers())
        .setRecordSerializer(new RegistryRecordSerializer<>(topic, settings.registryUrl()))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        // Unique per sink; a streaming job's stays across restarts: Flink aborts what it left open.
        .setTransactionalIdPrefix(transactionalIdPrefix + "-" + name)
        .setKafkaProducerConfig(producer)
        .build();
  }

  /**
   * Event time from each input; unreadable records carry none and never move the watermark. Quiet
   * is measured on Flink's input-activity clock, which stops while the job is backpressured.
   */
  private <T extends FromSource> WatermarkStrategy<Either<RecordDeadLettered, T>> watermarks() {
    KafkaSettings bounds = settings;
    WatermarkStrategy<Either<RecordDeadLettered, T>> strategy =
        WatermarkStrategy.<Either<RecordDeadLettered, T>>forGenerator(
                context ->
                    new QuietSourceWatermarks<>(
                        bounds.outOfOrderness(),
                        bounds.quietAfter(),
                        context.getInputActivityClock()::relativeTimeMillis))
            .withTimestampAssigner(
                (input, kafkaTimestamp) ->
                    input.isRight() ? input.right().eventTimeMillis() : Long.MIN_VALUE);
    // Live, a partition without records must not hold every other back, so it turns idle. A
    // replay reads every partition to an end, where it stops holding back anyway: idleness there
    // would only let a partition that is slow to fetch fall behind the watermark.
    return bounds.bounded() ? strategy : strategy.withIdleness(bounds.idleAfter());
  }
}
