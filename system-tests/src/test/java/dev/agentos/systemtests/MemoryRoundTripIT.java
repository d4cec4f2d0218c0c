package dev.agentos.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentos.client.AgentOsApiException;
import dev.agentos.client.CommandApi;
import dev.agentos.client.QueryApi;
import dev.agentos.client.command.AddRelation;
import dev.agentos.client.command.CreateContext;
import dev.agentos.client.command.MemoryType;
import dev.agentos.client.command.MergeContexts;
import dev.agentos.client.command.RelationType;
import dev.agentos.client.command.StoreMemory;
import dev.agentos.client.command.UpdateMemory;
import dev.agentos.client.query.Memory;
import dev.agentos.client.query.MemoryGraph;
import dev.agentos.client.query.MemoryVersion;
import dev.agentos.client.query.Related;
import dev.agentos.client.query.Search;
import dev.agentos.client.query.SearchMode;
import dev.agentos.client.query.SearchResult;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import java.time.Duration;
import java.util.List;
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
   * Read models follow the log; on a busy 2-core machine that can take a few seconds. Inside
   * awaits, a refusal (a 404 of an item not read-modelled yet) is asked again like a failed
   * assertion.
   */
  private static final Duration PROJECTED = Duration.ofSeconds(60);

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private CommandApi commands;
  private QueryApi queries;
  private QueryApi otherTenant;

  @BeforeAll
  void keys(StackEndpoints stack) {
    Tenants tenants = new Tenants(stack);
    var client = tenants.newClient("st-tenant-" + run, "st-project");
    commands = client.commands();
    queries = client.queries();
    otherTenant = tenants.newClient("st-other-" + run, "st-project").queries();
  }

  @Test
  void aStoredMemoryIsFoundByEveryModeOfSearch() {
    String context = newContext();
    String id =
        store(
            context,
            MemoryType.ERROR_FIX,
            "terraform apply failed with InvalidClientTokenId until AWS_REGION was set to"
                + " eu-west-1 in the deploy script");

    awaitHits("AWS_REGION InvalidClientTokenId", SearchMode.KEYWORD, context, id);
    awaitHits(
        "which cloud location has to be configured before provisioning",
        SearchMode.SEMANTIC,
        context,
        id);
    awaitHits("deploy credentials error region", SearchMode.HYBRID, context, id);

    Memory read = queries.memory(id);
    assertThat(read.contextId()).isEqualTo(context);
    assertThat(read.type()).isEqualTo("ERROR_FIX");
  }

  @Test
  void anUpdateIsWhatSearchFindsAfterwards() {
    String context = newContext();
    String id = store(context, MemoryType.FACT, "The staging database is PostgreSQL 15");
    awaitHits("staging database PostgreSQL", SearchMode.KEYWORD, context, id);

    commands.updateMemory(id, UpdateMemory.content("The staging database moved to CockroachDB"));

    awaitHits("CockroachDB", SearchMode.KEYWORD, context, id);
    await()
        .atMost(PROJECTED)
        .ignoreExceptionsInstanceOf(AgentOsApiException.class)
        .untilAsserted(() -> assertThat(queries.memory(id).content()).contains("CockroachDB"));
  }

  @Test
  void aDeletedMemoryIsGoneFromSearchAndReadsButNotFromHistory() {
    String context = newContext();
    String id =
        store(context, MemoryType.FACT, "The nightly build publishes to the artifacts bucket");
    awaitHits("nightly build artifacts bucket", SearchMode.KEYWORD, context, id);

    commands.deleteMemory(id);

    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () -> {
              assertThat(Answers.statusOf(() -> queries.memory(id))).isEqualTo(404);
              assertThat(hitIds("nightly build artifacts bucket", SearchMode.HYBRID, context))
                  .doesNotContain(id);
            });
    // The history is a read model of its own (memory-history), projected apart from the others.
    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () -> {
              List<MemoryVersion> history = queries.history(id);
              assertThat(history)
                  .extracting(MemoryVersion::eventType)
                  .containsExactly("MemoryStored", "MemoryDeleted");
              assertThat(history.get(0).content()).contains("nightly build");
            });
  }

  @Test
  void aRelationShowsInTheRelatedGraph() {
    String context = newContext();
    String cause = store(context, MemoryType.FACT, "Checkout rounds money half-even");
    String fix = store(context, MemoryType.ERROR_FIX, "Round money half-up in checkout totals");
    commands.addRelation(fix, AddRelation.of(cause, RelationType.FIXES));

    await()
        .atMost(PROJECTED)
        .ignoreExceptionsInstanceOf(AgentOsApiException.class)
        .untilAsserted(
            () -> {
              MemoryGraph graph = queries.related(fix, Related.depth(2));
              assertThat(graph.nodes()).extracting(MemoryGraph.Node::memoryId).contains(cause);
              assertThat(graph.edges())
                  .anySatisfy(
                      edge -> {
                        assertThat(edge.kind()).isEqualTo("RELATION");
                        assertThat(edge.relationType()).isEqualTo("FIXES");
                        assertThat(edge.from()).isEqualTo(fix);
                        assertThat(edge.to()).isEqualTo(cause);
                      });
            });
  }

  @Test
  void aMergedContextHoldsTheMembersOfBoth() {
    String first = newContext();
    String second = newContext();
    String a = store(first, MemoryType.DECISION, "Feature flags live in LaunchDarkly");
    String b =
        store(second, MemoryType.DECISION, "Use trunk-based development with short-lived branches");
    awaitHits("LaunchDarkly", SearchMode.KEYWORD, first, a);
    awaitHits("trunk-based", SearchMode.KEYWORD, second, b);

    String merged = "st-merged-" + UUID.randomUUID();
    commands.mergeContexts(
        new MergeContexts(List.of(first, second), "system test " + merged, merged));

    await()
        .atMost(PROJECTED)
        .ignoreExceptionsInstanceOf(AgentOsApiException.class)
        .untilAsserted(
            () -> {
              assertThat(queries.context(merged).memberIds()).contains(a, b);
              assertThat(queries.context(first).mergedInto()).isEqualTo(merged);
            });
  }

  @Test
  void searchesAreCountedAsAccesses() {
    String context = newContext();
    String id =
        store(context, MemoryType.PREFERENCE, "The user wants commit messages in the imperative");
    awaitHits("commit messages imperative", SearchMode.KEYWORD, context, id);

    await()
        .atMost(PROJECTED)
        .untilAsserted(
            () ->
                assertThat(search("commit messages imperative", SearchMode.KEYWORD, context).hits())
                    .first()
                    .satisfies(hit -> assertThat(hit.memory().accessCount()).isPositive()));
  }

  @Test
  void anotherTenantSeesNothing() {
    String context = newContext();
    String id = store(context, MemoryType.FACT, "The signing key rotates every ninety days");
    awaitHits("signing key rotates", SearchMode.KEYWORD, context, id);

    assertThat(Answers.statusOf(() -> otherTenant.memory(id))).isEqualTo(404);
    assertThat(Answers.statusOf(() -> otherTenant.history(id))).isEqualTo(404);
    assertThat(Answers.statusOf(() -> otherTenant.context(context))).isEqualTo(404);
    SearchResult found = otherTenant.search(Search.builder("signing key rotates").k(10).build());
    assertThat(found.memoryIds()).doesNotContain(id);
  }

  private String newContext() {
    String id = "st-ctx-" + UUID.randomUUID();
    commands.createContext(CreateContext.of(id, "system test " + id));
    return id;
  }

  private String store(String context, MemoryType type, String content) {
    return commands.storeMemory(StoreMemory.of(context, type, content).withTags(List.of(run))).id();
  }

  private void awaitHits(String query, SearchMode mode, String context, String id) {
    await()
        .atMost(PROJECTED)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                assertThat(hitIds(query, mode, context))
                    .as("%s search for '%s'", mode, query)
                    .contains(id));
  }

  private List<String> hitIds(String query, SearchMode mode, String context) {
    return search(query, mode, context).memoryIds();
  }

  private SearchResult search(String query, SearchMode mode, String context) {
    return queries.search(Search.in(context, query, mode, 10));
  }
}
