package dev.agentos.flink.prediction.training;

import static dev.agentos.flink.prediction.training.SyntheticHistory.FEATURES;
import static dev.agentos.flink.prediction.training.SyntheticHistory.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.flink.prediction.Example;
import dev.agentos.flink.prediction.PredictionTarget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {

  private static final PredictionTarget TARGET = PredictionTarget.EXECUTION_SUCCESS;

  private final ModelTrainer trainer = new ModelTrainer(FEATURES);

  /**
   * The true model's own AUC on such a history is about 0.87 (its labels are coin flips weighted by
   * the signal), so 0.8 leaves room for what 2,400 examples cannot teach.
   */
  @Test
  void learnsAKnownSignalAndRanksTheLaterSliceWell() {
    TrainingOutcome.Trained trained = trained(SyntheticHistory.withSignal(3_000, 1));

    Evaluation evaluation = trained.evaluation();
    System.out.printf(
        "signal: AUC %.3f, log loss %.3f, Brier %.3f, base rate %.3f, mean predicted %.3f%n",
        evaluation.auc(),
        evaluation.logLoss(),
        evaluation.brier(),
        evaluation.baseRate(),
        evaluation.meanPredicted());
    assertThat(evaluation.auc()).isGreaterThanOrEqualTo(0.80);
    assertThat(evaluation.logLoss()).isLessThan(baseline(evaluation.baseRate()));
    assertThat(evaluation.calibration()).isNotEmpty();
  }

  @Test
  void doesNotPretendOnPureNoise() {
    for (long seed = 1; seed <= 3; seed++) {
      TrainingOutcome.Trained trained = trained(SyntheticHistory.noise(3_000, seed));

      System.out.printf("noise seed %d: AUC %.3f%n", seed, trained.evaluation().auc());
      assertThat(trained.evaluation().auc()).isBetween(0.4, 0.6);
    }
  }

  @Test
  void evaluatesOnTheLatestFifthOnlyAndTrainsOnWhatCameStrictlyBefore() {
    List<Example> history = SyntheticHistory.withSignal(1_000, 2);

    TrainingOutcome.Trained trained = trained(history);

    assertThat(trained.trainedOn()).isEqualTo(800);
    assertThat(trained.evaluatedOn()).isEqualTo(200);
    assertThat(trained.evaluation().examples()).isEqualTo(200);
    long lastTrained = history.get(799).requestedAtMillis();
    assertThat(trained.evaluationStartMillis())
        .isEqualTo(history.get(800).requestedAtMillis())
        .isGreaterThan(lastTrained);
    assertThat(trained.firstMillis()).isEqualTo(history.get(0).requestedAtMillis());
    assertThat(trained.lastMillis()).isEqualTo(history.get(999).requestedAtMillis());
  }

  @Test
  void examplesSharingTheBoundarysMillisecondAllGoToTheEvaluation() {
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      examples.add(SyntheticHistory.at("e" + i, i < 7 ? i : 7, i % 2 == 0));
    }

    TimeSplit split = TimeSplit.of(examples, 0.2);

    // The latest 2 would be e8 and e9, but e7 shares their millisecond.
    assertThat(split.training())
        .extracting(Example::subjectId)
        .containsExactly("e0", "e1", "e2", "e3", "e4", "e5", "e6");
    assertThat(split.evaluation()).extracting(Example::subjectId).containsExactly("e7", "e8", "e9");
  }

  @Test
  void theSameExamplesInAnyOrderGiveTheSameModelByteForByte() {
    List<Example> history = SyntheticHistory.withSignal(1_000, 3);
    List<Example> shuffled = new ArrayList<>(history);
    Collections.shuffle(shuffled, new Random(4));

    assertThat(trained(shuffled).artifact()).isEqualTo(trained(history).artifact());
  }

  @Test
  void refusesTooFewExamplesSayingHowManyThereAreAndAreNeeded() {
    TrainingOutcome outcome = trainer.train(TENANT, TARGET, SyntheticHistory.withSignal(99, 5));

    assertThat(outcome).isInstanceOf(TrainingOutcome.Refused.class);
    String reason = ((TrainingOutcome.Refused) outcome).reason();
    System.out.println("refused: " + reason);
    assertThat(reason).startsWith("99 examples (").contains("at least 100");
  }

  @Test
  void refusesAHistoryWhoseLatestSliceHasNoFailure() {
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      examples.add(
          SyntheticHistory.at("e" + i, SyntheticHistory.START + i, i >= 150 || i % 3 == 0));
    }

    TrainingOutcome outcome = trainer.train(TENANT, TARGET, examples);

    String reason = ((TrainingOutcome.Refused) outcome).reason();
    System.out.println("refused: " + reason);
    assertThat(reason)
        .contains(
            "the earlier 160 examples", "the latest 40 (for evaluation: 40 succeeded, 0 failed)")
        .endsWith("the latest lack failures");
  }

  @Test
  void refusesAHistoryWithoutSuccesses() {
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      examples.add(SyntheticHistory.at("e" + i, SyntheticHistory.START + i, false));
    }

    TrainingOutcome outcome = trainer.train(TENANT, TARGET, examples);

    assertThat(((TrainingOutcome.Refused) outcome).reason()).endsWith("the earlier lack successes");
  }

  private TrainingOutcome.Trained trained(List<Example> examples) {
    TrainingOutcome outcome = trainer.train(TENANT, TARGET, examples);
    assertThat(outcome).isInstanceOf(TrainingOutcome.Trained.class);
    return (TrainingOutcome.Trained) outcome;
  }

  /** Log loss of always predicting the base rate: a model that learned something beats it. */
  private static double baseline(double rate) {
    return -(rate * Math.log(rate) + (1 - rate) * Math.log(1 - rate));
  }
}
