package dev.agentos.deploy.local;

import dev.agentos.schemas.topics.Topic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the topics of the typed registry in {@code schemas/} that do not exist yet. Existing
 * topics are left as they are: a changed partition count or retention is an operation, not a side
 * effect of {@code up}.
 */
public final class TopicCreator {

  private TopicCreator() {}

  public static void ensure(
      String bootstrapServers, List<Topic<String, ?>> topics, Consumer<String> progress)
      throws InterruptedException, ExecutionException {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing =
          topics.stream()
              .filter(t -> !existing.contains(t.name()))
              .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs()))
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
      }
      progress.accept(
          "topics: "
              + missing.size()
              + " created, "
              + (topics.size() - missing.size())
              + " existed");
    }
  }
}
