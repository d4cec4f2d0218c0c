package dev.agentos.schemas.topics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;

/**
 * One Kafka topic, declared once and shared by producers, projections and Flink jobs. A topic
 * carrying several event types has value type {@link SpecificRecord}; {@code eventTypes} lists what
 * may appear on it, so a consumer knows every case it must handle.
 *
 * @param keyedBy which value the key is made of; it decides what stays in order
 */
public record Topic<K, V>(
    String name,
    TopicRole role,
    Class<K> keyType,
    String keyedBy,
    Class<V> valueType,
    List<Class<? extends SpecificRecord>> eventTypes,
    int partitions,
    Retention retention,
    CleanupPolicy cleanupPolicy) {

  /** agentos.<stream>[.<sub>].v<N>: the version suffix lets a breaking change start a new topic. */
  private static final Pattern NAME =
      Pattern.compile("agentos(\\.[a-z][a-z0-9-]*)+\\.v[1-9][0-9]*");

  public Topic {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(keyedBy, "keyedBy");
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "topic name must look like agentos.<stream>.v<N>: " + name);
    }
    eventTypes = List.copyOf(eventTypes);
    if (eventTypes.isEmpty()) {
      throw new IllegalArgumentException(name + " carries no event type");
    }
    for (Class<?> eventType : eventTypes) {
      if (!valueType.isAssignableFrom(eventType)) {
        throw new IllegalArgumentException(name + ": " + eventType + " is not a " + valueType);
      }
    }
    if (partitions < 1) {
      throw new IllegalArgumentException(name + " needs at least one partition");
    }
    // Compaction keeps only the latest record per key; expiring it as well would lose that too.
    if (cleanupPolicy == CleanupPolicy.COMPACT && !retention.isForever()) {
      throw new IllegalArgumentException(name + " is compacted, so its retention must be forever");
    }
  }

  public boolean carries(Class<?> eventType) {
    return eventTypes.contains(eventType);
  }

  /** The topic-level configs to create the topic with. */
  public Map<String, String> configs() {
    return Map.of(
        "cleanup.policy", cleanupPolicy.configValue(), "retention.ms", retention.configValue());
  }
}
