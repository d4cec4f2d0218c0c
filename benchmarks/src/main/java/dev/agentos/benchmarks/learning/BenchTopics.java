package dev.agentos.benchmarks.learning;

import dev.agentos.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Copies of every AgentOS topic, {@code agentos.bench-<run>.<rest of the name>}, with the same
 * partitions and configs: bench learning writes its generated history there and runs its jobs
 * there, so the stack's live jobs, read models and tenants never see a benchmark's million events.
 * Each run makes copies of its own and deletes them at the end, and any an interrupted run left. A
 * run never reuses a name: a topic deleted and created again under the same name made the next
 * producer fail with OUT_OF_ORDER_SEQUENCE_NUMBER for good. The registry keeps the copies' subjects
 * (the local registry deletes nothing): a dozen per run.
 */
final class BenchTopics implements AutoCloseable {

  private static final String PREFIX = "agentos.";
  private static final String BENCH_PREFIX = "agentos.bench-";
  private static final Duration BROKER_WAIT = Duration.ofSeconds(60);

  private final Admin admin;
  private final String copyPrefix;

  private BenchTopics(Admin admin, String run) {
    this.admin = admin;
    this.copyPrefix = BENCH_PREFIX + run + ".";
  }

  /** Empty copies of every topic, under names no run used before. */
  static BenchTopics create(String bootstrapServers) throws Exception {
    BenchTopics topics =
        new BenchTopics(
            Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)),
            UUID.randomUUID().toString().substring(0, 8));
    topics.deleteCopies(BENCH_PREFIX); // an interrupted run's
    topics
        .admin
        .createTopics(
            Topics.all().stream()
                .map(
                    topic ->
                        new NewTopic(
                                topics.nameOf(topic.name()),
                                Optional.of(topic.partitions()),
                                Optional.empty()) // the broker's replication factor
                            .configs(topic.configs()))
                .toList())
        .all()
        .get(1, TimeUnit.MINUTES);
    topics.awaitLeaders();
    return topics;
  }

  /** The copy's name of the topic named {@code name}. */
  String nameOf(String name) {
    if (!name.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not an AgentOS topic: " + name);
    }
    return copyPrefix + name.substring(PREFIX.length());
  }

  @Override
  public void close() throws Exception {
    try {
      deleteCopies(copyPrefix);
    } finally {
      admin.close();
    }
  }

  /** The broker answers a creation before each partition has a leader, which producers need. */
  private void awaitLeaders() throws Exception {
    List<String> copies = Topics.all().stream().map(topic -> nameOf(topic.name())).toList();
    long deadline = System.nanoTime() + BROKER_WAIT.toNanos();
    while (!admin.describeTopics(copies).allTopicNames().get(1, TimeUnit.MINUTES).values().stream()
        .flatMap(topic -> topic.partitions().stream())
        .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the copies of the topics have no leaders yet: " + copies);
      }
      Thread.sleep(200);
    }
  }

  /** Deletes the topics whose names start with {@code prefix}. */
  private void deleteCopies(String prefix) throws Exception {
    List<String> copies =
        admin.listTopics().names().get(1, TimeUnit.MINUTES).stream()
            .filter(name -> name.startsWith(prefix))
            .toList();
    if (!copies.isEmpty()) {
      admin.deleteTopics(copies).all().get(1, TimeUnit.MINUTES);
    }
  }
}
