package dev.agentos.flink.prediction.training;

import dev.agentos.events.derived.ModelTrained;
import dev.agentos.flink.prediction.Example;
import dev.agentos.flink.prediction.PredictionTarget;
import dev.agentos.flink.prediction.model.ModelArtifacts;
import dev.agentos.flink.prediction.model.ModelArtifacts.StoredArtifact;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains one model per tenant and target from replayed examples, stores each trained one as a new
 * version and announces it with a {@code ModelTrained}; a model with too little history is refused
 * with the reason and the others still train.
 */
public final class Retraining {

  /** Where the announcements go: the models topic, or a list in a test. */
  @FunctionalInterface
  public interface Announcer {
    void announce(ModelTrained event) throws Exception;
  }

  /** One tenant's model of one target. */
  public record ModelKey(String tenantId, PredictionTarget target) {
    static final Comparator<ModelKey> ORDER =
        Comparator.comparing(ModelKey::tenantId).thenComparing(ModelKey::target);
  }

  /**
   * What came of one model: {@code event} is the announcement of a trained one, null when refused.
   */
  public record Result(TrainingOutcome outcome, ModelTrained event) {}

  private final ModelTrainer trainer;
  private final ModelArtifacts artifacts;
  private final Announcer announcer;
  private final Clock clock;
  private final String featureSetVersion;
  private final List<String> featureNames;

  /**
   * @param featureSetVersion version of the feature definitions the examples carry
   * @param featureNames their names, in the order of each example's features
   */
  public Retraining(
      ModelArtifacts artifacts,
      Announcer announcer,
      Clock clock,
      String featureSetVersion,
      List<String> featureNames) {
    this.trainer = new ModelTrainer(featureNames);
    this.artifacts = artifacts;
    this.announcer = announcer;
    this.clock = clock;
    this.featureSetVersion = featureSetVersion;
    this.featureNames = List.copyOf(featureNames);
  }

  /** Every tenant's and target's model, by tenant then target. */
  public List<Result> trainAll(Collection<Example> examples) throws Exception {
    Map<ModelKey, List<Example>> byModel = new TreeMap<>(ModelKey.ORDER);
    for (Example example : examples) {
      byModel
          .computeIfAbsent(
              new ModelKey(example.tenantId(), example.target()), key -> new ArrayList<>())
          .add(example);
    }
    List<Result> results = new ArrayList<>();
    for (Map.Entry<ModelKey, List<Example>> model : byModel.entrySet()) {
      ModelKey key = model.getKey();
      TrainingOutcome outcome = trainer.train(key.tenantId(), key.target(), model.getValue());
      results.add(
          outcome instanceof TrainingOutcome.Trained trained
              ? new Result(outcome, storeAndAnnounce(trained))
              : new Result(outcome, null));
    }
    return results;
  }

  private ModelTrained storeAndAnnounce(TrainingOutcome.Trained trained) throws Exception {
    Instant trainedAt = clock.instant();
    StoredArtifact artifact = store(trained, trainedAt);
    ModelTrained event =
        ModelTrainedEvents.of(trained, artifact, trainedAt, featureSetVersion, featureNames);
    announcer.announce(event);
    return event;
  }

  private StoredArtifact store(TrainingOutcome.Trained trained, Instant trainedAt)
      throws IOException {
    return artifacts.store(
        trained.tenantId(), trained.target().modelName(), trainedAt, trained.artifact());
  }
}
