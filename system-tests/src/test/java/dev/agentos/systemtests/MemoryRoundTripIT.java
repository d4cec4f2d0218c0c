package dev.agentos.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A memory's whole round trip on the real system: written through the command API, carried by
 * Kafka, projected into Cassandra and Elasticsearch by the running projections, and read back
 * through the query API — each mode of search, updates, deletes, relations, merges, history, access
 * counts and tenant isolation.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemoryRoundTripIT {

  /**
   * Read models follow the log; on a busy 2-core machine that can take a few seconds. Answers are
   * read with {@code path}, not {@code get}, inside awaits: a field not there yet must fail the
   * assertion (and be asked again), not throw.
   */
  private static final Duration PROJECTED = Duration.ofSeconds(60);

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private Api commands;
  private Api queries;
  private Api otherTenant;

  @BeforeAll
  void keys(StackEndpoints stack) {
    Tenants tenants = new Tenants(stack);
    String key = tenants.newKey("st-tenant-" + run, "st-project");
    String otherKey = tenants.newKey("st-other-" + run, "st-project");
    commands = new Api(tenants.commandSideUrl(), key);
    queries = new Api(tenants.querySideUrl(), key);
    otherTenant = new Api(tenants.querySideUrl(), otherKey);
  }

  @Test
  void aStoredMemoryIsFoundByEveryModeOfSearch() {
    String context = newContext();
    String id =
        store(
            context,
            "ERROR_FIX",
            "terraform apply failed with InvalidClientTokenId until AWS_REGION was set to"
                + " eu-west-1 in the deploy script");

    awaitHits("AWS_REGION InvalidClientTokenId", "keyword", context, id);
    awaitHits(
        "which cloud location has to be configured before provisioning", "semantic", context, id);
    awaitHits("deploy credentials error region", "hybrid", context, id);

    JsonNode read = queries.get("/v1/memories/" + id).expect(200);
    assertThat(read.get("contextId").asText()).isEqualTo(context);
    assertThat(read.get("type").asText()).isEqualTo("ERROR_FIX");
  }

  @Test
  void anUpdateIsWhatSearchFindsAfterwards() {
    String context = newContext();
    String id = store(context, "FACT", "The staging database is PostgreSQL 15");
    awaitHits("staging database PostgreSQL", "keyword", context, id);

    commands
        .patch("/v1/memories/" + id, Map.of("content", "The staging database moved to CockroachDB"))
        .expect(200);

    awaitHits("CockroachDB", "keyword", context, id);
    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () ->
                assertThat(queries.get("/v1/memories/" + id).expect(200).get("content").asText())
                    .contains("CockroachDB"));
  }

  @Test
  void aDeletedMemoryIsGoneFromSearchAndReadsButNotFromHistory() {
    String context = newContext();
    String id = store(context, "FACT", "The nightly build publishes to the artifacts bucket");
    awaitHits("nightly build artifacts bucket", "keyword", context, id);

    commands.delete("/v1/memories/" + id).expect(200);

    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () -> {
              assertThat(queries.get("/v1/memories/" + id).status()).isEqualTo(404);
              assertThat(hitIds("nightly build artifacts bucket", "hybrid", context))
                  .doesNotContain(id);
            });
    // The history is a read model of its own (memory-history), projected apart from the others.
    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () -> {
              JsonNode history = queries.get("/v1/memories/" + id + "/history").json();
              assertThat(history.findValuesAsText("eventType"))
                  .containsExactly("MemoryStored", "MemoryDeleted");
              assertThat(history.path(0).path("content").asText()).contains("nightly build");
            });
  }

  @Test
  void aRelationShowsInTheRelatedGraph() {
    String context = newContext();
    String cause = store(context, "FACT", "Checkout rounds money half-even");
    String fix = store(context, "ERROR_FIX", "Round money half-up in checkout totals");
    commands
        .post(
            "/v1/memories/" + fix + "/relations",
            Map.of("toMemoryId", cause, "relationType", "FIXES"))
        .expect(201);

    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () -> {
              JsonNode graph = queries.get("/v1/memories/" + fix + "/related?depth=2").expect(200);
              assertThat(graph.get("nodes").findValuesAsText("memoryId")).contains(cause);
              assertThat(graph.get("edges"))
                  .anySatisfy(
                      edge -> {
                        assertThat(edge.get("kind").asText()).isEqualTo("RELATION");
                        assertThat(edge.get("relationType").asText()).isEqualTo("FIXES");
                        assertThat(edge.get("from").asText()).isEqualTo(fix);
                        assertThat(edge.get("to").asText()).isEqualTo(cause);
                      });
            });
  }

  @Test
  void aMergedContextHoldsTheMembersOfBoth() {
    String first = newContext();
    String second = newContext();
    String a = store(first, "DECISION", "Feature flags live in LaunchDarkly");
    String b = store(second, "DECISION", "Use trunk-based development with short-lived branches");
    awaitHits("LaunchDarkly", "keyword", first, a);
    awaitHits("trunk-based", "keyword", second, b);

    String merged = "st-merged-" + UUID.randomUUID();
    commands
        .post(
            "/v1/contexts/merge",
            Map.of(
                "name",
                "system test " + merged,
                "sourceContextIds",
                List.of(first, second),
                "targetContextId",
                merged))
        .expect(201);

    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () -> {
              assertThat(
                      queries
                          .get("/v1/contexts/" + merged)
                          .expect(200)
                          .get("members")
                          .findValuesAsText("memoryId"))
                  .contains(a, b);
              assertThat(
                      queries.get("/v1/contexts/" + first).expect(200).path("mergedInto").asText())
                  .isEqualTo(merged);
            });
  }

  @Test
  void searchesAreCountedAsAccesses() {
    String context = newContext();
    String id = store(context, "PREFERENCE", "The user wants commit messages in the imperative");
    awaitHits("commit messages imperative", "keyword", context, id);

    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () ->
                assertThat(
                        search("commit messages imperative", "keyword", context)
                            .path(0)
                            .path("memory")
                            .path("accessCount")
                            .asLong())
                    .isPositive());
  }

  @Test
  void anotherTenantSeesNothing() {
    String context = newContext();
    String id = store(context, "FACT", "The signing key rotates every ninety days");
    awaitHits("signing key rotates", "keyword", context, id);

    assertThat(otherTenant.get("/v1/memories/" + id).status()).isEqualTo(404);
    assertThat(otherTenant.get("/v1/memories/" + id + "/history").status()).isEqualTo(404);
    assertThat(otherTenant.get("/v1/contexts/" + context).status()).isEqualTo(404);
    JsonNode hits =
        otherTenant
            .post("/v1/memories/search", Map.of("query", "signing key rotates", "k", 10))
            .expect(200)
            .get("hits");
    assertThat(hits.findValuesAsText("memoryId")).doesNotContain(id);
  }

  private String newContext() {
    String id = "st-ctx-" + UUID.randomUUID();
    commands.post("/v1/contexts", Map.of("contextId", id, "name", "system test " + id)).expect(201);
    return id;
  }

  private String store(String context, String type, String content) {
    return commands
        .post(
            "/v1/memories",
            Map.of("contextId", context, "type", type, "content", content, "tags", List.of(run)))
        .expect(201)
        .get("id")
        .asText();
  }

  private void awaitHits(String query, String mode, String context, String id) {
    await()
        .atMost(PROJECTED)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                assertThat(hitIds(query, mode, context))
                    .as("%s search for '%s'", mode, query)
                    .contains(id));
  }

  private List<String> hitIds(String query, String mode, String context) {
    return search(query, mode, context).findValuesAsText("memoryId");
  }

  private JsonNode search(String query, String mode, String context) {
    return queries
        .post(
            "/v1/memories/search",
            Map.of("query", query, "mode", mode, "k", 10, "contextId", context))
        .expect(200)
        .get("hits");
  }
}
