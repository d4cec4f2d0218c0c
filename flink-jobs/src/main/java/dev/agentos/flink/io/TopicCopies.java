package dev.agentos.flink.io;

import dev.agentos.schemas.topics.Topic;
import dev.agentos.schemas.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Copies of every AgentOS topic, {@code agentos.<label>-<run>.<rest of the name>}, with the same
 * partitions: a benchmark or a test writes a history of its own there and runs its jobs there (see
 * {@link KafkaJobIo}'s topic-name mapping), so the stack's live jobs, read models and tenants never
 * see it, and nothing anyone else wrote (an earlier history, a transaction left open, a later event
 * time) changes what its jobs find. Each run makes copies of its own and deletes them at the end;
 * {@link #create} also deletes the copies an interrupted run of the same label left. A run never
 * reuses a name: a topic deleted and created again under the same name made the next producer fail
 * with OUT_OF_ORDER_SEQUENCE_NUMBER for good. The registry keeps the copies' subjects (the local
 * registry deletes nothing): a dozen per run.
 */
public final class TopicCopies implements AutoCloseable {

  /** What the copies keep of what is written to them. */
  public enum Keeping {
    /** The topics' own cleanup: compacted topics keep the latest record per key. */
    AS_THE_TOPICS,
    /**
     * Every record, for as long as the copy lives: a test counting every feature vector a job wrote
     * must not race the log cleaner, which compacts a copy written with old event times at once.
     */
    EVERY_RECORD
  }

  private static final String PREFIX = "agentos.";
  private static final Duration BROKER_WAIT = Duration.ofSeconds(60);

  private final Admin admin;
  private final String copyPrefix;

  private TopicCopies(Admin admin, String copyPrefix) {
    this.admin = admin;
    this.copyPrefix = copyPrefix;
  }

  /** Empty copies of every topic, under names no run used before. */
  public static TopicCopies create(String bootstrapServers, String label, Keeping keeping)
      throws Exception {
    String labelPrefix = PREFIX + label + "-";
    TopicCopies copies =
        new TopicCopies(
            Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)),
            labelPrefix + UUID.randomUUID().toString().substring(0, 8) + ".");
    copies.deleteCopies(labelPrefix); // an interrupted run's
    copies
        .admin
        .createTopics(
            Topics.all().stream()
                .map(
                    topic ->
                        new NewTopic(
                                copies.nameOf(topic.name()),
                                Optional.of(topic.partitions()),
                                Optional.empty()) // the broker's replication factor
                            .configs(configsOf(topic, keeping)))
                .toList())
        .all()
        .get(1, TimeUnit.MINUTES);
    copies.awaitLeaders();
    return copies;
  }

  /** The copy's name of the topic named {@code name}. */
  public String nameOf(String name) {
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

  private static Map<String, String> configsOf(Topic<?, ?> topic, Keeping keeping) {
    Map<String, String> configs = new HashMap<>(topic.configs());
    if (keeping == Keeping.EVERY_RECORD) {
      configs.put("cleanup.policy", "delete");
      configs.put("retention.ms", "-1");
    }
    return configs;
  }

  /**
   * The broker answers a creation before each partition has a leader, which producers need, and
   * before its metadata knows the topics at all.
   */
  private void awaitLeaders() throws Exception {
    List<String> copies = Topics.all().stream().map(topic -> nameOf(topic.name())).toList();
    long deadline = System.nanoTime() + BROKER_WAIT.toNanos();
    while (!haveLeaders(copies)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the copies of the topics have no leaders yet: " + copies);
      }
      Thread.sleep(200);
    }
  }

  private boolean haveLeaders(List<String> copies) throws Exception {
    try {
      return admin.describeTopics(copies).allTopicNames().get(1, TimeUnit.MINUTES).values().stream()
          .flatMap(topic -> topic.partitions().stream())
          .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return false;
      }
      throw e;
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
