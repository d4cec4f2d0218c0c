package dev.agentos.command.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.internal.AbstractRecords;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.axonframework.eventhandling.EventMessage;

/**
 * The largest record Kafka takes from the publisher: the producer's {@code max.request.size} and,
 * per topic, the topic's {@code max.message.bytes}, whichever is smaller. A record over it can
 * never be written, so it is refused as unpublishable (and dead-lettered) instead of failing every
 * transaction it is in. A record Kafka refused with {@link RecordTooLargeException} although it
 * passed this check (a broker with a smaller limit) is remembered by its event, so the next
 * session, which meets the same event again, sets it aside too.
 *
 * <p>Sizes are measured the way the producer measures them (Kafka's upper-bound estimate of one
 * uncompressed record in its own batch: value, key, headers and framing).
 */
final class RecordSizeLimit {

  /** Refusals remembered at most; more would mean something else is wrong. */
  private static final int MAX_REMEMBERED = 10_000;

  private final int maxRequestSize;
  private volatile Map<String, Integer> topicLimits = Map.of();
  private final Map<String, String> refused =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
              return size() > MAX_REMEMBERED;
            }
          });

  /**
   * @param maxRequestSize the producer's {@code max.request.size}
   */
  RecordSizeLimit(int maxRequestSize) {
    this.maxRequestSize = maxRequestSize;
  }

  /**
   * Reads {@code max.message.bytes} of each of {@code topics} that exists; fails like any other
   * call when Kafka is away.
   */
  void learnTopicLimits(Admin admin, Collection<String> topics, Duration timeout)
      throws InterruptedException, TimeoutException {
    Map<String, Integer> limits = new LinkedHashMap<>();
    Map<ConfigResource, KafkaFuture<Config>> configs =
        admin
            .describeConfigs(
                topics.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                    .toList())
            .values();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Map.Entry<ConfigResource, KafkaFuture<Config>> topic : configs.entrySet()) {
      try {
        ConfigEntry entry =
            topic
                .getValue()
                .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
        if (entry != null && entry.value() != null) {
          limits.put(topic.getKey().name(), Integer.parseInt(entry.value()));
        }
      } catch (ExecutionException e) {
        // A topic not created yet: the producer's limit applies, and Kafka's refusal is learned.
      }
    }
    learnTopicLimits(limits);
  }

  void learnTopicLimits(Map<String, Integer> limits) {
    topicLimits = Map.copyOf(limits);
  }

  /**
   * Throws when {@code record} of {@code message} cannot be written, saying why, e.g. "its record
   * is 1,234,567 bytes, over the 1,048,588 the topic accepts".
   */
  void check(EventMessage<?> message, ProducerRecord<String, byte[]> record)
      throws UnpublishableEventException {
    String refusal = refused.get(message.getIdentifier());
    if (refusal != null) {
      throw new UnpublishableEventException(refusal, null);
    }
    int size = sizeOf(record);
    Integer topicLimit = topicLimits.get(record.topic());
    boolean topicIsSmaller = topicLimit != null && topicLimit < maxRequestSize;
    int limit = topicIsSmaller ? topicLimit : maxRequestSize;
    if (size > limit) {
      throw new UnpublishableEventException(
          String.format(
              Locale.ROOT,
              "its record is %,d bytes, over the %,d %s",
              size,
              limit,
              topicIsSmaller ? "the topic accepts" : "the producer accepts (max.request.size)"),
          null);
    }
  }

  /** Remembers that Kafka refused the record of {@code message}, for the next session to see. */
  void refusedByKafka(EventMessage<?> message, RecordTooLargeException e) {
    refused.put(
        message.getIdentifier(), "Kafka refused its record as too large (" + e.getMessage() + ")");
  }

  /**
   * The first {@link RecordTooLargeException} among {@code failure}'s causes, if any. Causes can
   * form a cycle (see {@link EventPublisher#causedBy}), so only the first few are looked at.
   */
  static Optional<RecordTooLargeException> tooLarge(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
      if (cause instanceof RecordTooLargeException tooLarge) {
        return Optional.of(tooLarge);
      }
    }
    return Optional.empty();
  }

  /**
   * What the producer compares with {@code max.request.size} before it sends a record: Kafka's own
   * estimate, from kafka-clients' internal record package, so a Kafka upgrade that moves it breaks
   * the build instead of silently changing the measure.
   */
  static int sizeOf(ProducerRecord<String, byte[]> record) {
    byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
    Header[] headers = record.headers().toArray();
    return AbstractRecords.estimateSizeInBytesUpperBound(
        RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE, key, record.value(), headers);
  }
}
