package dev.agentos.deploy.local.demo;

import dev.agentos.client.AgentOsApiException;
import dev.agentos.client.CommandApi;
import dev.agentos.client.QueryApi;
import dev.agentos.client.command.RequestExecution;
import dev.agentos.client.query.Model;
import dev.agentos.client.query.Prediction;
import dev.agentos.client.query.SubjectPredictions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The demo's predictions: the execution model is trained on the backfilled history ({@code
 * ./agentos retrain}), and two runs the agent asks for now are predicted by it before they run,
 * read back through the query API with what the model saw.
 */
final class DemoPredictions {

  static final String MODEL = "execution-success";

  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final String SUSPECTS =
      "are the learning jobs (flink-jobs, job predictions) and projections running?";

  private final Retrainer retrainer;
  private final PrintStream out;

  DemoPredictions(Retrainer retrainer, PrintStream out) {
    this.retrainer = retrainer;
    this.out = out;
  }

  void show(CommandApi commands, QueryApi query) throws Exception {
    out.println("retraining the prediction models on the history (./agentos retrain):");
    retrainer.retrain();
    Model model =
        DemoReads.await(
                "the models read model to show " + MODEL,
                WAIT,
                SUSPECTS,
                () -> orEmpty(() -> query.model(MODEL)),
                found -> found.isPresent() && found.get().champion() != null)
            .orElseThrow();
    Model.Version champion =
        model.versions().stream()
            .filter(version -> version.modelVersion().equals(model.champion()))
            .findFirst()
            .orElseThrow();
    Map<String, Double> metrics = champion.metrics();
    double logLoss = metrics.getOrDefault("logLoss", Double.NaN);
    double baseline = metrics.getOrDefault("baselineLogLoss", Double.NaN);
    out.printf(
        Locale.ROOT,
        "  %s %s (champion): trained on %d runs, judged on the %d latest: AUC %.3f, log loss %.3f"
            + " (always guessing the base rate: %.3f)%s%n",
        MODEL,
        champion.modelVersion(),
        champion.trainedOn(),
        champion.evaluatedOn(),
        metrics.getOrDefault("auc", Double.NaN),
        logLoss,
        baseline,
        // Said, not hidden: a few hours of one project is little history to learn from.
        logLoss < baseline
            ? ""
            : "; it does not beat that guess yet, so read what follows as such");

    predict(commands, query, "pytest -q tests/test_checkout.py", "the checkout tests");
    predict(commands, query, "python main.py", "the program itself");
  }

  private void predict(CommandApi commands, QueryApi query, String command, String what)
      throws InterruptedException {
    String executionId =
        commands.requestExecution(RequestExecution.code("python", "print('demo')", command)).id();
    SubjectPredictions predicted =
        DemoReads.await(
                "a prediction of execution " + executionId,
                WAIT,
                SUSPECTS,
                () -> orEmpty(() -> query.predictionsOfExecution(executionId)),
                Optional::isPresent)
            .orElseThrow();
    for (Prediction prediction : predicted.predictions()) {
      out.printf(
          Locale.ROOT,
          "  execution %s (%s, `%s`): %.0f %% likely to succeed, says %s %s (%s), from %d inputs%n",
          executionId,
          what,
          command,
          100 * prediction.successProbability(),
          prediction.modelName(),
          prediction.modelVersion(),
          prediction.role(),
          prediction.features().size());
    }
  }

  /** The answer, or empty while the read model has not got it (404). */
  private static <T> Optional<T> orEmpty(Supplier<T> call) {
    try {
      return Optional.of(call.get());
    } catch (AgentOsApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
