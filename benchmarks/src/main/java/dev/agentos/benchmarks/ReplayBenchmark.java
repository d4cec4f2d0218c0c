package dev.agentos.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.service.ProjectionsService;
import dev.agentos.projections.wiring.ReadModelTopics;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How fast a read model is rebuilt from offset zero ({@code POST /admin/replay/{readModel}} on the
 * running projections), against its floor: one plain consumer reading and Avro-decoding the same
 * topics from the start in this process, which every replay must at least pay.
 */
final class ReplayBenchmark {

  private final BenchTarget target;
  private final List<String> readModels;

  ReplayBenchmark(BenchTarget target, List<String> readModels) {
    this.target = target;
    this.readModels = readModels;
  }

  void run() throws Exception {
    String projections = target.application(ProjectionsService.URL);
    for (String readModel : readModels) {
      List<String> topics = ReadModelTopics.of(readModel);
      if (topics.isEmpty()) {
        throw new IllegalArgumentException(
            "no read model " + readModel + ": memory-cassandra, memory-search or metrics-influx");
      }
      double floor = consumeAll(topics);
      Replayed replayed = replay(projections, readModel);
      System.out.printf(
          Locale.ROOT,
          "%-17s replayed %,d records in %.1f s: %,.0f records/s; plain consumer %,.0f records/s;"
              + " ratio %.3f%n",
          readModel,
          replayed.records(),
          replayed.seconds(),
          replayed.records() / replayed.seconds(),
          floor,
          replayed.records() / replayed.seconds() / floor);
    }
  }

  private record Replayed(long records, double seconds) {}

  private Replayed replay(String projections, String readModel) throws Exception {
    String path = "/admin/replay/" + readModel;
    long started = System.nanoTime();
    BenchTarget.call(projections, target.adminKey(), "POST", path, null);
    JsonNode progress;
    do {
      Thread.sleep(1000);
      progress = BenchTarget.call(projections, target.adminKey(), "GET", path, null);
      System.out.printf(
          Locale.ROOT,
          "  %s: %,d records read, %,.0f records/s, lag %,d%n",
          readModel,
          progress.path("recordsRead").asLong(),
          progress.path("recordsPerSecond").asDouble(),
          progress.path("lag").asLong());
    } while (!progress.path("caughtUp").asBoolean());
    // caught up is seen at the next poll: up to a second late, which the figure includes
    return new Replayed(progress.path("recordsRead").asLong(), (System.nanoTime() - started) / 1e9);
  }

  /** Records per second one consumer reads and decodes {@code topics} from offset zero at. */
  private double consumeAll(List<String> topics) {
    RegistryAvroDeserializer<Object> values =
        new RegistryAvroDeserializer<>(
            SchemaRegistryClient.connect(target.stack().schemaRegistryUrl()));
    values.configure(Map.of(), false);
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            target.stack().kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "bench-replay-floor-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (KafkaConsumer<String, Object> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      List<TopicPartition> partitions =
          topics.stream()
              .flatMap(
                  topic ->
                      consumer.partitionsFor(topic).stream()
                          .map(p -> new TopicPartition(topic, p.partition())))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long started = System.nanoTime();
      long records = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        try {
          records += consumer.poll(Duration.ofMillis(500)).count();
        } catch (RecordDeserializationException e) {
          // A record no schema decodes (a test's poison pill): the projections dead-letter it and
          // read on, so the floor steps over it too, counting it as read.
          consumer.seek(e.topicPartition(), e.offset() + 1);
          records++;
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "  plain consumer read %,d records of %s in %.1f s%n",
          records,
          topics,
          seconds);
      return records / seconds;
    }
  }
}
