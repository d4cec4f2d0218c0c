package dev.agentos.systemtests.readpath;

import static dev.agentos.systemtests.readpath.ExecutionQueryIT.ids;
import static dev.agentos.systemtests.readpath.ExecutionQueryIT.texts;
import static dev.agentos.systemtests.readpath.ExecutionSeed.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.interactions.SuggestionOutcome;
import dev.agentos.query.it.QueryClient;
import dev.agentos.query.it.QuerySideExtension;
import dev.agentos.query.it.RunningQuerySide;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/suggestions/{id}} and {@code GET /v1/suggestions?sessionId=} over HTTP, from
 * suggestion and verification events the projections' writer wrote to the real Cassandra read model
 * in a random tenant: a suggestion with a failed and a passed verification lists both with their
 * test names, whichever of a verification's events came first; a session's suggestions are listed
 * newest first; another project's or tenant's suggestion is 404 as an unknown one.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class SuggestionQueryIT {

  private static final String SESSION = "session-" + UUID.randomUUID();

  private static QueryClient reader;
  private static QueryClient stranger;

  @BeforeAll
  static void seed(RunningQuerySide app) {
    ExecutionSeed seed = new ExecutionSeed(app.cassandra());
    // v1's result is written before its request, and both before the proposal.
    seed.verificationCompleted(
        "p1", "s1", "v1", "e-v1", List.of("test_sub"), List.of("test_add"), T0.plusSeconds(20));
    seed.verificationRequested("p1", "s1", "v1", "e-v1", T0.plusSeconds(10));
    seed.proposed("p1", SESSION, "s1", T0);
    seed.verificationRequested("p1", "s1", "v2", "e-v2", T0.plusSeconds(30));
    seed.verificationCompleted(
        "p1", "s1", "v2", "e-v2", List.of("test_add", "test_sub"), List.of(), T0.plusSeconds(40));
    seed.outcome("p1", SESSION, "s1", SuggestionOutcome.ACCEPTED);
    seed.proposed("p1", SESSION, "s2", T0.plusSeconds(60));
    seed.verificationRequested("p1", "s2", "v3", "e-v3", T0.plusSeconds(61));
    seed.proposed("p2", SESSION, "s3", T0);
    reader = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.QUERY_READ));
    stranger = app.as(app.newKey("it-other-" + UUID.randomUUID(), "p1", ApiKeyScope.ADMIN));
  }

  @Test
  void aFailedAndAPassedVerificationAreBothListedWithTheirTestNames() {
    var answer = reader.get("/v1/suggestions/s1");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode s = answer.json();
    assertThat(s.get("suggestionId").asText()).isEqualTo("s1");
    assertThat(s.get("sessionId").asText()).isEqualTo(SESSION);
    assertThat(s.get("language").asText()).isEqualTo("python");
    assertThat(s.get("filePath").asText()).isEqualTo("calc.py");
    assertThat(s.get("format").asText()).isEqualTo("FULL_FILE");
    assertThat(s.get("code").asText()).startsWith("def add");
    assertThat(s.get("rationale").asText()).isEqualTo("fix add");
    assertThat(s.get("outcome").get("outcome").asText()).isEqualTo("ACCEPTED");
    JsonNode verifications = s.get("verifications");
    assertThat(verifications).hasSize(2);
    JsonNode failed = verifications.get(0);
    assertThat(failed.get("verificationId").asText()).isEqualTo("v1");
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("executionId").asText()).isEqualTo("e-v1");
    assertThat(failed.get("testCommand").asText()).isEqualTo("pytest -q");
    assertThat(failed.get("testFramework").asText()).isEqualTo("pytest");
    assertThat(failed.get("testsRun").asInt()).isEqualTo(2);
    assertThat(failed.get("failed").asInt()).isEqualTo(1);
    assertThat(texts(failed.get("failedTestNames"))).containsExactly("test_add");
    assertThat(texts(failed.get("passedTestNames"))).containsExactly("test_sub");
    JsonNode passed = verifications.get(1);
    assertThat(passed.get("status").asText()).isEqualTo("PASSED");
    assertThat(texts(passed.get("passedTestNames"))).containsExactly("test_add", "test_sub");
    assertThat(texts(passed.get("failedTestNames"))).isEmpty();
  }

  @Test
  void aVerificationNotRunYetIsRequested() {
    JsonNode v = reader.get("/v1/suggestions/s2").json().get("verifications").get(0);

    assertThat(v.get("status").asText()).isEqualTo("REQUESTED");
    assertThat(v.has("passedTestNames")).isFalse();
  }

  @Test
  void aSessionsSuggestionsAreListedNewestFirst() {
    var answer = reader.get("/v1/suggestions?sessionId=" + SESSION);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(ids(answer.json())).containsExactly("s2", "s1");
    JsonNode s1 = answer.json().get("items").get(1);
    assertThat(s1.get("verifications").asInt()).isEqualTo(2);
    assertThat(s1.get("latestVerification").asText()).isEqualTo("PASSED");
    assertThat(s1.get("outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(answer.json().get("items").get(0).get("latestVerification").asText())
        .isEqualTo("REQUESTED");
  }

  @Test
  void anotherProjectOrTenantsSuggestionIsNotFoundAsAnUnknownOneIs() {
    var other = reader.get("/v1/suggestions/s3");
    var unknown = reader.get("/v1/suggestions/s-none");
    var otherTenant = stranger.get("/v1/suggestions/s1");

    assertThat(List.of(other.status(), unknown.status(), otherTenant.status())).containsOnly(404);
    assertThat(other.json().get("title")).isEqualTo(unknown.json().get("title"));
    assertThat(other.json().get("detail").asText()).isEqualTo("no suggestion s3");
  }
}
