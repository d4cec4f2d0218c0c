package dev.agentos.flink.prediction.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.flink.prediction.Example;
import dev.agentos.flink.prediction.PredictionTarget;
import dev.agentos.flink.prediction.RequestFeatures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's execution model learns what the demo's history plants: trained as {@code ./agentos
 * retrain} trains it, on the earlier 80 % of the history's runs, it ranks the latest 20 % well and
 * predicts them better than guessing the training base rate, which is what the demo prints. Its
 * first history, six sessions one after another, failed this (AUC 0.530, log loss 0.863 against
 * 0.687): the latest runs were one session, unlike those trained on.
 */
class DemoHistoryLearningTest {

  /** Any end: the history is the same story at any time, so its model is the same. */
  private static final Instant END = Instant.parse("2026-05-01T12:34:56Z");

  @Test
  void theDemoModelBeatsTheBaseRateClearlyOnTheLatestRuns() throws Exception {
    List<Example> executions =
        DemoHistoryExamples.of(END).stream()
            .filter(example -> example.target() == PredictionTarget.EXECUTION_SUCCESS)
            .toList();

    TrainingOutcome outcome =
        new ModelTrainer(RequestFeatures.NAMES)
            .train(DemoHistoryExamples.TENANT, PredictionTarget.EXECUTION_SUCCESS, executions);

    assertThat(outcome).isInstanceOf(TrainingOutcome.Trained.class);
    TrainingOutcome.Trained trained = (TrainingOutcome.Trained) outcome;
    Evaluation evaluation = trained.evaluation();
    double baseline = evaluation.logLossOfConstant(trained.trainingBaseRate());
    System.out.printf(
        "demo model: trained on %d runs, judged on the %d latest: AUC %.3f, log loss %.3f"
            + " (always guessing the base rate: %.3f)%n",
        trained.trainedOn(),
        trained.evaluatedOn(),
        evaluation.auc(),
        evaluation.logLoss(),
        baseline);
    assertThat(evaluation.logLoss()).isLessThan(baseline - 0.05);
    assertThat(evaluation.auc()).isGreaterThan(0.75);
  }
}
