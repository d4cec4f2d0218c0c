package dev.agentos.flink.prediction.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.derived.ModelRole;
import dev.agentos.flink.io.SourcePosition;
import dev.agentos.flink.prediction.PredictionRequest;
import dev.agentos.flink.prediction.PredictionTarget;
import dev.agentos.flink.prediction.RequestFeatures;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ScoreRequestsTest {

  /** A model whose prediction is its first input divided by 10, plus 0.5 for version v2. */
  private static final ModelScorer.Loader LOADER =
      (uri, sha) -> {
        if (uri.endsWith("broken")) {
          throw new IOException("checksum mismatch");
        }
        float bonus = uri.endsWith("v2") ? 0.5f : 0f;
        return features -> (float) (features[0] / 10) + bonus;
      };

  @Test
  void aRequestIsScoredByTheChampionAndTheChallengerOnTheInputsEachTakes() throws Exception {
    try (var harness = harness()) {
      harness.processBroadcastElement(ServingVersionsTest.trained("v1"), 0);
      harness.processBroadcastElement(ServingVersionsTest.trained("v2"), 0);
      harness.processBroadcastElement(ServingVersionsTest.promoted("v1"), 0);

      harness.processElement(request("acme"), 10);

      assertThat(harness.extractOutputValues())
          .extracting(
              ScoredPrediction::modelVersion, ScoredPrediction::role, ScoredPrediction::probability)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("v1", ModelRole.CHAMPION, 0.3f),
              org.assertj.core.groups.Tuple.tuple("v2", ModelRole.CHALLENGER, 0.8f));
    }
  }

  @Test
  void anotherTenantsModelNeverScoresARequest() throws Exception {
    try (var harness = harness()) {
      harness.processBroadcastElement(ServingVersionsTest.trained("v1"), 0);

      harness.processElement(request("globex"), 10);

      assertThat(harness.extractOutputValues()).isEmpty();
    }
  }

  @Test
  void aVersionThatCannotBeLoadedOrTakesUnknownInputsPredictsNothingAndStallsNothing()
      throws Exception {
    ModelChange broken =
        new ModelChange(
            new SourcePosition("models", 0, 0),
            0,
            "acme",
            "execution-success",
            "v9",
            false,
            "file:/models/broken",
            "sha",
            "p1",
            List.of("session.actions"));
    ModelChange unknownInputs =
        new ModelChange(
            new SourcePosition("models", 0, 1),
            0,
            "acme",
            "suggestion-verification",
            "v1",
            false,
            "file:/models/v1",
            "sha",
            "p9",
            List.of("session.mood"));
    try (var harness = harness()) {
      harness.processBroadcastElement(broken, 0);
      harness.processBroadcastElement(unknownInputs, 0);

      harness.processElement(request("acme"), 10);
      harness.processElement(suggestion("acme"), 11);

      assertThat(harness.extractOutputValues()).isEmpty();
    }
  }

  @Test
  void inputsAreReorderedByName() {
    double[] features = RequestFeatures.missing();
    features[RequestFeatures.indexOf("agent.executions")] = 7;
    features[RequestFeatures.indexOf("session.actions")] = 3;

    double[] inputs =
        ScoreRequests.inputsOf(List.of("agent.executions", "session.actions"), features);

    assertThat(Arrays.stream(inputs).boxed()).containsExactly(7.0, 3.0);
  }

  private static KeyedBroadcastOperatorTestHarness<
          String, PredictionRequest, ModelChange, ScoredPrediction>
      harness() throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new ScoreRequests(LOADER),
        PredictionRequest::subjectKey,
        Types.STRING,
        ScoreRequests.SERVING);
  }

  private static PredictionRequest request(String tenant) {
    double[] features = RequestFeatures.missing();
    features[RequestFeatures.indexOf("session.actions")] = 3;
    return new PredictionRequest(
        tenant,
        "web",
        "agent-1",
        "s",
        PredictionTarget.EXECUTION_SUCCESS,
        "x-1",
        "x-1",
        null,
        10,
        features);
  }

  private static PredictionRequest suggestion(String tenant) {
    return new PredictionRequest(
        tenant,
        "web",
        "agent-1",
        "s",
        PredictionTarget.SUGGESTION_VERIFICATION,
        "s-1",
        null,
        "s-1",
        11,
        RequestFeatures.missing());
  }
}
