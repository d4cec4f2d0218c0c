package dev.agentos.systemtests.readpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.it.QueryClient;
import dev.agentos.query.it.QuerySideExtension;
import dev.agentos.query.it.RunningQuerySide;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/models} and {@code /v1/models/{name}} over HTTP, from trainings, promotions and
 * live reports the projections' writer wrote to the real Cassandra read model: each version's role
 * by the serving rule, metrics, calibration and live performance, the tenant's models read by a key
 * of any of its projects, another tenant's model 404 as an unknown one.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class ModelQueryIT {

  private static final String EXECUTIONS = "execution-success";
  private static final String SUGGESTIONS = "suggestion-verification";

  private static QueryClient reader;
  private static QueryClient otherProject;
  private static QueryClient stranger;
  private static QueryClient memoryReader;

  @BeforeAll
  static void seed(RunningQuerySide app) {
    ModelSeed seed = new ModelSeed(app.cassandra(), "it-models-" + UUID.randomUUID());
    seed.trained(EXECUTIONS, "v1", 1, 0.8);
    seed.trained(EXECUTIONS, "v2", 2, 0.82);
    seed.promoted(EXECUTIONS, "v2", null, 3);
    seed.trained(EXECUTIONS, "v3", 4, 0.84);
    seed.trained(EXECUTIONS, "v4", 5, 0.86);
    seed.scored(EXECUTIONS, "v4", 8, 6, 6);
    seed.scored(EXECUTIONS, "v4", 4, 3, 5); // older, written later: the latest stays
    seed.trained(SUGGESTIONS, "s1", 1, 0.7);
    seed.trained(SUGGESTIONS, "s2", 2, 0.71);
    ModelSeed other = new ModelSeed(app.cassandra(), "it-other-" + UUID.randomUUID());
    other.trained("only-elsewhere", "x1", 1, 0.9);
    reader = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.QUERY_READ));
    otherProject = app.as(app.newKey(seed.tenant, "p2", ApiKeyScope.QUERY_READ));
    stranger = app.as(app.newKey(other.tenant, "p1", ApiKeyScope.ADMIN));
    memoryReader = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.MEMORY_READ));
  }

  private static List<String> roles(JsonNode model) {
    List<String> roles = new ArrayList<>();
    model
        .get("versions")
        .forEach(v -> roles.add(v.get("modelVersion").asText() + ":" + v.get("role").asText()));
    return roles;
  }

  @Test
  void theTenantsModelsListEachVersionsRoleByTheServingRule() {
    var answer = reader.get("/v1/models");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode models = answer.json();
    assertThat(models).hasSize(2);
    assertThat(models.get(0).get("modelName").asText()).isEqualTo(EXECUTIONS);
    assertThat(models.get(0).get("champion").asText()).isEqualTo("v2");
    assertThat(models.get(0).get("challenger").asText()).isEqualTo("v4");
    assertThat(roles(models.get(0)))
        .containsExactly("v4:CHALLENGER", "v3:RETIRED", "v2:CHAMPION", "v1:RETIRED");
    assertThat(models.get(1).get("modelName").asText()).isEqualTo(SUGGESTIONS);
    assertThat(roles(models.get(1)))
        .as("before any promotion the newest trained serves alone")
        .containsExactly("s2:CHAMPION", "s1:RETIRED");
    assertThat(models.get(1).hasNonNull("challenger")).isFalse();
  }

  @Test
  void aModelByNameHasItsVersionsMetricsCalibrationLivePerformanceAndPromotions() {
    var answer = reader.get("/v1/models/" + EXECUTIONS);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode newest = answer.json().get("versions").get(0);
    assertThat(newest.get("metrics").get("auc").asDouble()).isEqualTo(0.86);
    assertThat(newest.get("trainedAt").asText()).isEqualTo(ModelSeed.day(5).toString());
    assertThat(newest.get("trainedOn").asLong()).isEqualTo(1000);
    assertThat(newest.get("evaluatedOn").asLong()).isEqualTo(250);
    assertThat(newest.get("calibration")).hasSize(2);
    assertThat(newest.get("calibration").get(1).get("observedRate").asDouble()).isEqualTo(0.7);
    assertThat(newest.get("featureNames").get(0).asText()).isEqualTo("session.retries");
    JsonNode live = newest.get("live");
    assertThat(live.get("resolved").asLong()).isEqualTo(8);
    assertThat(live.get("accuracy").asDouble()).isEqualTo(0.75);
    assertThat(live.get("asOf").asText()).isEqualTo(ModelSeed.day(6).toString());
    assertThat(answer.json().get("versions").get(1).hasNonNull("live")).isFalse();
    JsonNode promotion = answer.json().get("promotions").get(0);
    assertThat(promotion.get("modelVersion").asText()).isEqualTo("v2");
    assertThat(promotion.get("promotedAt").asText()).isEqualTo(ModelSeed.day(3).toString());
  }

  @Test
  void aKeyOfAnyProjectOfTheTenantReadsItsModels() {
    var answer = otherProject.get("/v1/models/" + EXECUTIONS);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("champion").asText()).isEqualTo("v2");
  }

  @Test
  void anotherTenantsModelIsNotFoundAsAnUnknownOneIs() {
    var otherTenants = reader.get("/v1/models/only-elsewhere");
    var unknown = reader.get("/v1/models/no-such-model");
    var fromElsewhere = stranger.get("/v1/models/" + EXECUTIONS);

    assertThat(List.of(otherTenants.status(), unknown.status(), fromElsewhere.status()))
        .containsOnly(404);
    assertThat(otherTenants.header("Content-Type")).startsWith("application/problem+json");
    assertThat(otherTenants.json().get("title")).isEqualTo(unknown.json().get("title"));
    var strangers = stranger.get("/v1/models");
    assertThat(strangers.json()).hasSize(1);
    assertThat(strangers.json().get(0).get("modelName").asText()).isEqualTo("only-elsewhere");
  }

  @Test
  void modelsWantTheQueryReadScope() {
    assertThat(memoryReader.get("/v1/models").status()).isEqualTo(403);
    assertThat(memoryReader.get("/v1/models/" + EXECUTIONS).status()).isEqualTo(403);
  }
}
