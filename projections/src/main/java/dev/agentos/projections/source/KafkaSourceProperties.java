package dev.agentos.projections.source;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the projections read from and how: the Kafka cluster and registry, the dead-letter policy,
 * and one entry per processing group (one per read model) with the topics it reads.
 *
 * @param processors by processing group name
 */
@ConfigurationProperties("agentos.projections")
public record KafkaSourceProperties(
    @DefaultValue("127.0.0.1:9092") String kafkaBootstrapServers,
    @DefaultValue("http://127.0.0.1:8081") String schemaRegistryUrl,
    @DefaultValue DeadLetterPolicy deadLetters,
    Map<String, Processor> processors) {

  public KafkaSourceProperties {
    processors = processors == null ? Map.of() : Map.copyOf(processors);
  }

  /**
   * @param attempts how many times a failing handler is tried before its record is set aside
   * @param firstPause the pause before the second attempt; it doubles after each
   */
  public record DeadLetterPolicy(
      @DefaultValue("3") int attempts, @DefaultValue("200ms") Duration firstPause) {}

  /**
   * @param name the processor's name, under which its tokens are stored; the group's name when
   *     empty. A new name starts the read model from the first offset again.
   * @param topics the topics this group reads
   * @param segments how many segments (threads) share the group's events, split by record key
   * @param batchSize events handled in one unit of work before the token is stored
   * @param startAt where a processor without a token starts: {@code earliest} (offset zero, a full
   *     rebuild: the read models' normal case) or {@code latest} (only what comes next)
   * @param enabled false leaves the group without a processor (and its read model unwired): tests
   *     that run one group keep the others off the shared stack
   */
  public record Processor(
      String name,
      List<String> topics,
      @DefaultValue("1") int segments,
      @DefaultValue("100") int batchSize,
      @DefaultValue("earliest") StartAt startAt,
      @DefaultValue("true") boolean enabled) {

    public Processor {
      topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** Where a processor that has no token yet starts reading. */
    public enum StartAt {
      EARLIEST,
      LATEST
    }

    public String processorName(String group) {
      return name == null || name.isBlank() ? group : name;
    }
  }
}
