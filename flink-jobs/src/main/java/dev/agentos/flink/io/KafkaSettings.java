package dev.agentos.flink.io;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the learning jobs reach Kafka and the registry, and how they treat time.
 *
 * @param bootstrapServers Kafka's bootstrap servers
 * @param registryUrl the schema registry's URL
 * @param outOfOrderness how late (in event time) a record may arrive and still count
 * @param quietAfter how long a partition must be quiet before its watermark catches up with the
 *     highest event time seen (see {@link QuietSourceWatermarks})
 * @param idleAfter how long a partition without records may hold the others back before it turns
 *     idle (live runs only). Long, because a partition that is merely slow to fetch while a job
 *     catches up must not turn idle: its records would fall behind the watermark. Reports other
 *     than a new pattern's wait this long when some partition has gone quiet
 * @param transactionTimeout the exactly-once sinks' transaction timeout; must not exceed the
 *     broker's {@code transaction.max.timeout.ms} (15 minutes by default), or the sink fails at
 *     start
 * @param bounded read up to the topics' ends as they are at start, then finish (replays,
 *     retraining, benchmarks); false runs for ever
 */
public record KafkaSettings(
    String bootstrapServers,
    String registryUrl,
    Duration outOfOrderness,
    Duration quietAfter,
    Duration idleAfter,
    Duration transactionTimeout,
    boolean bounded)
    implements Serializable {

  public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofSeconds(5);
  public static final Duration DEFAULT_QUIET_AFTER = Duration.ofMillis(500);
  public static final Duration DEFAULT_IDLE_AFTER = Duration.ofSeconds(30);
  public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

  /** Streaming for ever, with the default bounds. */
  public static KafkaSettings streaming(String bootstrapServers, String registryUrl) {
    return new KafkaSettings(
        bootstrapServers,
        registryUrl,
        DEFAULT_OUT_OF_ORDERNESS,
        DEFAULT_QUIET_AFTER,
        DEFAULT_IDLE_AFTER,
        DEFAULT_TRANSACTION_TIMEOUT,
        false);
  }

  public KafkaSettings boundedToEnd() {
    return new KafkaSettings(
        bootstrapServers,
        registryUrl,
        outOfOrderness,
        quietAfter,
        idleAfter,
        transactionTimeout,
        true);
  }
}
