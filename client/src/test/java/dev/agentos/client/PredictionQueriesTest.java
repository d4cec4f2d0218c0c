package dev.agentos.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.client.query.Model;
import dev.agentos.client.query.SubjectPredictions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The prediction reads: a subject's predictions with its outcome, and a tenant's model. */
class PredictionQueriesTest {

  private final FakeApi api = new FakeApi();
  private final AgentOsClient client =
      AgentOsClient.builder().commandUrl(api.url()).queryUrl(api.url()).apiKey("aos_k").build();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void anExecutionsPredictionsAreAskedForByItsIdAndReadWithTheirOutcome() {
    api.answers(
        200,
        "{\"subjectKind\":\"EXECUTION\",\"subjectId\":\"x 1\",\"predictions\":[{\"predictionId\":"
            + "\"p-1\",\"executionId\":\"x 1\",\"successProbability\":0.83,\"modelName\":"
            + "\"execution-success\",\"modelVersion\":\"v1\",\"role\":\"CHAMPION\","
            + "\"featureSetVersion\":\"p1\",\"features\":{\"session.actions\":3.0},"
            + "\"predictedAt\":\"2026-01-02T03:00:00Z\",\"eventId\":\"p-1\"}],"
            + "\"outcome\":{\"result\":\"FAILED\",\"detail\":\"FAILED exit 1\","
            + "\"at\":\"2026-01-02T03:00:20Z\",\"eventId\":\"e-2\"}}");

    SubjectPredictions predicted = client.queries().predictionsOfExecution("x 1");

    assertThat(api.last().uri()).isEqualTo("/v1/predictions?executionId=x+1");
    assertThat(predicted.predictions())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.successProbability()).isEqualTo(0.83);
              assertThat(p.role()).isEqualTo("CHAMPION");
              assertThat(p.features()).containsEntry("session.actions", 3.0);
            });
    assertThat(predicted.outcome().result()).isEqualTo("FAILED");
  }

  @Test
  void aModelIsReadByNameWithItsVersionsAndMetrics() {
    api.answers(
        200,
        "{\"tenantId\":\"t\",\"modelName\":\"execution-success\",\"champion\":\"v2\","
            + "\"versions\":[{\"modelVersion\":\"v2\",\"role\":\"CHAMPION\",\"algorithm\":"
            + "\"xgboost-binary-logistic\",\"trainedAt\":\"2026-01-02T03:00:00Z\","
            + "\"trainedOn\":240,\"evaluatedOn\":60,\"metrics\":{\"auc\":0.81}}],"
            + "\"promotions\":[]}");

    Model model = client.queries().model("execution-success");

    assertThat(api.last().uri()).isEqualTo("/v1/models/execution-success");
    assertThat(model.champion()).isEqualTo("v2");
    assertThat(model.challenger()).isNull();
    assertThat(model.versions().get(0).metrics()).containsEntry("auc", 0.81);
    assertThat(model.versions().get(0).evaluatedOn()).isEqualTo(60);
  }
}
