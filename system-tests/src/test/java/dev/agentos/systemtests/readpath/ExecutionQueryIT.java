package dev.agentos.systemtests.readpath;

import static dev.agentos.systemtests.readpath.ExecutionSeed.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.it.QueryClient;
import dev.agentos.query.it.QuerySideExtension;
import dev.agentos.query.it.RunningQuerySide;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/executions/{id}} and {@code GET /v1/executions?sessionId=} over HTTP, from
 * lifecycle events the projections' writer wrote to the real Cassandra read model in a random
 * tenant, out of order: an execution's completion, start and request show as its lifecycle; a
 * session's executions are listed newest first, paged; another project's or tenant's execution is
 * 404 as an unknown one; the environment's values are never answered.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class ExecutionQueryIT {

  private static final String SESSION = "session-" + UUID.randomUUID();

  /** A session where one execution's request was published twice, at two times. */
  private static final String REQUESTED_TWICE = "session-" + UUID.randomUUID();

  private static QueryClient reader;
  private static QueryClient admin;
  private static QueryClient stranger;
  private static QueryClient memoryReader;

  @BeforeAll
  static void seed(RunningQuerySide app) {
    ExecutionSeed seed = new ExecutionSeed(app.cassandra());
    // e1 ends before it is seen to start or be requested, as it may be projected.
    seed.failed("p1", SESSION, "e1", T0.plusSeconds(3));
    seed.started("p1", SESSION, "e1", T0.plusSeconds(1));
    seed.requested("p1", SESSION, "e1", T0);
    seed.requested("p1", SESSION, "e2", T0.plusSeconds(10));
    seed.requested("p1", SESSION, "e3", T0.plusSeconds(20));
    seed.started("p1", SESSION, "e3", T0.plusSeconds(21));
    seed.requested("p2", SESSION, "e4", T0.plusSeconds(30));
    seed.requested("p1", REQUESTED_TWICE, "e5", T0.plusSeconds(40));
    seed.requested("p1", REQUESTED_TWICE, "e6", T0.plusSeconds(42));
    seed.requested("p1", REQUESTED_TWICE, "e5", T0.plusSeconds(45));
    reader = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.QUERY_READ));
    admin = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.ADMIN));
    stranger = app.as(app.newKey("it-other-" + UUID.randomUUID(), "p1", ApiKeyScope.ADMIN));
    memoryReader = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.MEMORY_READ));
  }

  @Test
  void anExecutionsEventsShowItsLifecycleWhateverTheirOrder() {
    var answer = reader.get("/v1/executions/e1");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode e = answer.json();
    assertThat(e.get("executionId").asText()).isEqualTo("e1");
    assertThat(e.get("status").asText()).isEqualTo("FAILED");
    assertThat(e.get("sessionId").asText()).isEqualTo(SESSION);
    assertThat(e.get("language").asText()).isEqualTo("python");
    assertThat(e.get("runtime").asText()).isEqualTo("python:3.12.4");
    assertThat(e.get("sandboxId").asText()).isEqualTo("bwrap-e1");
    assertThat(e.get("suggestionId").asText()).isEqualTo("s-e1");
    assertThat(e.get("requestedAt").asText()).isEqualTo(T0.toString());
    assertThat(e.get("startedAt").asText()).isEqualTo(T0.plusSeconds(1).toString());
    assertThat(e.get("endedAt").asText()).isEqualTo(T0.plusSeconds(3).toString());
    assertThat(e.get("queuedMs").asLong()).isEqualTo(40);
    assertThat(e.get("exitCode").asInt()).isEqualTo(3);
    assertThat(e.get("timedOut").asBoolean()).isFalse();
    assertThat(e.get("durationMs").asLong()).isEqualTo(1_500);
    assertThat(e.get("cpuTimeMs").asLong()).isEqualTo(700);
    assertThat(e.get("peakMemoryBytes").asLong()).isEqualTo(12L << 20);
    assertThat(e.get("stdoutExcerpt").asText()).isEqualTo("starting\n");
    assertThat(e.get("stderrExcerpt").asText()).isEqualTo("ValueError: nope\n");
    assertThat(e.get("outputTruncated").asBoolean()).isTrue();
    assertThat(e.get("limits").get("wallTimeoutMs").asLong()).isEqualTo(10_000);
    assertThat(e.get("limits").get("networkAllowed").asBoolean()).isFalse();
    assertThat(texts(e.get("environmentNames"))).containsExactly("API_TOKEN", "MODE");
    assertThat(answer.body()).doesNotContain(ExecutionSeed.SECRET);
  }

  @Test
  void whatHasNotHappenedYetIsLeftOut() {
    JsonNode queued = reader.get("/v1/executions/e2").json();
    JsonNode running = reader.get("/v1/executions/e3").json();

    assertThat(queued.get("status").asText()).isEqualTo("QUEUED");
    assertThat(queued.has("startedAt")).isFalse();
    assertThat(queued.has("exitCode")).isFalse();
    assertThat(running.get("status").asText()).isEqualTo("RUNNING");
    assertThat(running.has("endedAt")).isFalse();
  }

  @Test
  void aSessionsExecutionsAreListedNewestFirstPaged() {
    var first = reader.get("/v1/executions?sessionId=" + SESSION + "&limit=2");

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(ids(first.json())).containsExactly("e3", "e2");
    assertThat(first.json().get("items").get(0).get("status").asText()).isEqualTo("RUNNING");
    String cursor = first.json().get("nextCursor").asText();
    var second =
        reader.get(
            "/v1/executions?sessionId="
                + SESSION
                + "&limit=2&cursor="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    assertThat(ids(second.json())).containsExactly("e1");
    assertThat(second.json().get("items").get(0).get("exitCode").asInt()).isEqualTo(3);
    assertThat(second.json().hasNonNull("nextCursor")).isFalse();
    assertThat(ids(admin.get("/v1/executions?projectId=p2&sessionId=" + SESSION).json()))
        .as("the other project's session of the same id")
        .containsExactly("e4");
    assertThat(ids(stranger.get("/v1/executions?sessionId=" + SESSION).json())).isEmpty();
  }

  @Test
  void anExecutionRequestedTwiceIsListedOnceWhereItsLaterRequestPutsIt() {
    var first = reader.get("/v1/executions?sessionId=" + REQUESTED_TWICE + "&limit=1");
    String cursor = first.json().get("nextCursor").asText();
    var second =
        reader.get(
            "/v1/executions?sessionId="
                + REQUESTED_TWICE
                + "&limit=1&cursor="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8));

    assertThat(ids(first.json())).containsExactly("e5");
    assertThat(ids(second.json())).containsExactly("e6");
    assertThat(second.json().hasNonNull("nextCursor"))
        .as("the earlier request's entry is skipped, not listed again")
        .isFalse();
    assertThat(reader.get("/v1/executions/e5").json().get("requestedAt").asText())
        .isEqualTo(T0.plusSeconds(45).toString());
  }

  @Test
  void anotherProjectOrTenantsExecutionIsNotFoundAsAnUnknownOneIs() {
    var other = reader.get("/v1/executions/e4");
    var unknown = reader.get("/v1/executions/e-none");
    var otherTenant = stranger.get("/v1/executions/e1");

    assertThat(List.of(other.status(), unknown.status(), otherTenant.status())).containsOnly(404);
    assertThat(other.header("Content-Type")).startsWith("application/problem+json");
    assertThat(other.json().get("title")).isEqualTo(unknown.json().get("title"));
    assertThat(admin.get("/v1/executions/e4?projectId=p2").status())
        .as("an ADMIN key reads every project of its tenant")
        .isEqualTo(200);
    assertThat(reader.get("/v1/executions/e4?projectId=p2").status())
        .as("a key bound to p1 reads no other project")
        .isEqualTo(403);
  }

  @Test
  void aListWithoutASessionOrWithABadPageIsRefusedNamingTheParameter() {
    assertRefused("/v1/executions", "sessionId");
    assertRefused("/v1/executions?sessionId=%20", "sessionId");
    assertRefused("/v1/executions?sessionId=s&limit=0", "limit");
    assertRefused("/v1/executions?sessionId=s&cursor=not-a-cursor", "cursor");
  }

  @Test
  void executionsWantTheQueryReadScope() {
    assertThat(memoryReader.get("/v1/executions/e1").status()).isEqualTo(403);
    assertThat(memoryReader.get("/v1/executions?sessionId=" + SESSION).status()).isEqualTo(403);
  }

  private static void assertRefused(String pathAndQuery, String parameter) {
    var answer = reader.get(pathAndQuery);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().get("field").asText()).isEqualTo(parameter);
  }

  static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items")
        .forEach(
            item ->
                ids.add(
                    (item.has("executionId") ? item.get("executionId") : item.get("suggestionId"))
                        .asText()));
    return ids;
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }
}
