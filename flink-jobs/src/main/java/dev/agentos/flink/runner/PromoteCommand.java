package dev.agentos.flink.runner;

import dev.agentos.events.derived.ModelPromoted;
import dev.agentos.flink.prediction.serving.Promotions;
import dev.agentos.flink.prediction.training.ModelEventPublisher;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code promote}: makes a trained version of a tenant's model its champion, by one event on the
 * models topic that the predictions job and the models read model both follow.
 */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description = "Makes a trained model version its tenant's champion.")
final class PromoteCommand implements Callable<Integer> {

  @Option(names = "--bootstrap-servers", required = true, description = "Kafka.")
  String bootstrapServers;

  @Option(names = "--registry-url", required = true, description = "The schema registry.")
  String registryUrl;

  @Option(names = "--tenant", required = true, description = "The model's tenant.")
  String tenant;

  @Option(
      names = "--model",
      required = true,
      description = "execution-success or suggestion-verification.")
  String model;

  @Option(names = "--version", required = true, description = "The trained version to promote.")
  String version;

  @Option(names = "--reason", defaultValue = "", description = "Why, kept with the event.")
  String reason;

  @Option(
      names = "--force",
      description = "Promote even a version whose held-out log loss is not below the base rate's.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    ModelsTopic topic = new ModelsTopic(bootstrapServers, registryUrl);
    ModelPromoted promotion;
    try {
      promotion =
          Promotions.promote(topic.history(), tenant, model, version, reason, force, Instant.now());
    } catch (IllegalArgumentException refused) {
      System.err.println("promote: " + refused.getMessage());
      return 2;
    }
    try (ModelEventPublisher publisher = new ModelEventPublisher(bootstrapServers, registryUrl)) {
      publisher.publish(promotion);
    }
    System.out.println(
        "promoted "
            + model
            + " "
            + version
            + " for tenant "
            + tenant
            + (promotion.getPreviousVersion() == null
                ? ""
                : " (champion before: " + promotion.getPreviousVersion() + ")"));
    return 0;
  }
}
