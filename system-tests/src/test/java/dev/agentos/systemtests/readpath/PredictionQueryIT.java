package dev.agentos.systemtests.readpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.derived.ModelRole;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.VerificationVerdict;
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
 * {@code GET /v1/predictions} over HTTP, from predictions and outcomes the projections' writer
 * wrote to the real Cassandra read model, in a random tenant: an execution's champion and
 * challenger predictions with its outcome, a suggestion's with its verification's, one not yet
 * resolved, another project's or tenant's unseen (404, as an unknown id), and a request naming no
 * subject or two refused by name.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class PredictionQueryIT {

  private static PredictionSeed seed;
  private static QueryClient reader;
  private static QueryClient admin;
  private static QueryClient stranger;
  private static QueryClient memoryReader;

  @BeforeAll
  static void seed(RunningQuerySide app) {
    seed = new PredictionSeed(app.cassandra());
    // e1's outcome is written before its predictions, as it may be projected.
    seed.completed("p1", "e1", ExecutionOutcome.FAILED, 1);
    seed.ofExecution("p1", "e1", "v1", ModelRole.CHAMPION, 0.75f);
    seed.ofExecution("p1", "e1", "v2", ModelRole.CHALLENGER, 0.25f);
    seed.ofExecution("p1", "e2", "v1", ModelRole.CHAMPION, 0.5f);
    seed.ofSuggestion("p1", "s1", "v7", 0.875f);
    seed.verified("p1", "s1", VerificationVerdict.ERROR);
    seed.ofExecution("p2", "e3", "v1", ModelRole.CHAMPION, 0.5f);
    seed.completed("p1", "e-unpredicted", ExecutionOutcome.SUCCEEDED, 0);
    reader = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.QUERY_READ));
    admin = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.ADMIN));
    stranger = app.as(app.newKey("it-other-" + UUID.randomUUID(), "p1", ApiKeyScope.ADMIN));
    memoryReader = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.MEMORY_READ));
  }

  private static List<String> versions(JsonNode answer) {
    List<String> versions = new ArrayList<>();
    answer.get("predictions").forEach(p -> versions.add(p.get("modelVersion").asText()));
    return versions;
  }

  @Test
  void anExecutionsPredictionsComeWithItsOutcome() {
    var answer = reader.get("/v1/predictions?executionId=e1");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.get("subjectKind").asText()).isEqualTo("EXECUTION");
    assertThat(body.get("subjectId").asText()).isEqualTo("e1");
    assertThat(versions(body)).containsExactly("v1", "v2");
    JsonNode champion = body.get("predictions").get(0);
    assertThat(champion.get("role").asText()).isEqualTo("CHAMPION");
    assertThat(champion.get("successProbability").asDouble()).isEqualTo(0.75);
    assertThat(champion.get("modelName").asText()).isEqualTo("execution-success");
    assertThat(champion.get("suggestionId").asText()).isEqualTo("s-e1");
    assertThat(champion.get("features").get("session.retries").asDouble()).isEqualTo(1.0);
    assertThat(champion.get("predictedAt").asText()).isEqualTo(PredictionSeed.AT.toString());
    assertThat(body.get("predictions").get(1).get("role").asText()).isEqualTo("CHALLENGER");
    JsonNode outcome = body.get("outcome");
    assertThat(outcome.get("result").asText()).isEqualTo("FAILED");
    assertThat(outcome.get("detail").asText()).isEqualTo("FAILED exit 1");
  }

  @Test
  void anUnresolvedExecutionHasANullOutcome() {
    var answer = reader.get("/v1/predictions?executionId=e2");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().hasNonNull("outcome")).as("not known yet: left out").isFalse();
  }

  @Test
  void aSuggestionsVerificationErrorLeavesItsOutcomeUnknown() {
    var answer = reader.get("/v1/predictions?suggestionId=s1");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().get("subjectKind").asText()).isEqualTo("SUGGESTION");
    assertThat(versions(answer.json())).containsExactly("v7");
    assertThat(answer.json().get("predictions").get(0).hasNonNull("executionId")).isFalse();
    assertThat(answer.json().get("outcome").get("result").asText()).isEqualTo("UNKNOWN");
    assertThat(answer.json().get("outcome").get("detail").asText()).isEqualTo("ERROR");
  }

  @Test
  void anotherProjectOrTenantsSubjectIsNotFoundAsAnUnknownOneIs() {
    var other = reader.get("/v1/predictions?executionId=e3");
    var unknown = reader.get("/v1/predictions?executionId=e-none");
    var unpredicted = reader.get("/v1/predictions?executionId=e-unpredicted");
    var otherTenant = stranger.get("/v1/predictions?executionId=e1");

    assertThat(
            List.of(other.status(), unknown.status(), unpredicted.status(), otherTenant.status()))
        .containsOnly(404);
    assertThat(other.header("Content-Type")).startsWith("application/problem+json");
    assertThat(other.json().get("title")).isEqualTo(unknown.json().get("title"));
    assertThat(admin.get("/v1/predictions?executionId=e3&projectId=p2").status())
        .as("an ADMIN key reads every project of its tenant")
        .isEqualTo(200);
    assertThat(reader.get("/v1/predictions?executionId=e3&projectId=p2").status())
        .as("a key bound to p1 reads no other project")
        .isEqualTo(403);
  }

  @Test
  void noSubjectOrTwoAreRefusedNamingTheParameter() {
    assertRefused("", "executionId");
    assertRefused("?executionId=%20", "executionId");
    assertRefused("?executionId=e1&suggestionId=s1", "suggestionId");
  }

  @Test
  void predictionsWantTheQueryReadScope() {
    assertThat(memoryReader.get("/v1/predictions?executionId=e1").status()).isEqualTo(403);
  }

  private static void assertRefused(String query, String parameter) {
    var answer = reader.get("/v1/predictions" + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().get("field").asText()).isEqualTo(parameter);
  }
}
