package dev.agentos.systemtests.readpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryRelationAdded;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.events.memory.RelationType;
import dev.agentos.projections.memory.MemoryCassandraWriter;
import dev.agentos.projections.memory.ReadModelEvent;
import dev.agentos.projections.search.MemoryDocuments;
import dev.agentos.projections.search.MemorySearchIndexWriter;
import dev.agentos.projections.search.SequencedMemoryEvent;
import dev.agentos.query.it.QueryClient;
import dev.agentos.query.it.QuerySideExtension;
import dev.agentos.query.it.RunningQuerySide;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Search, related graph and categories over HTTP, on a memory index and relations the projections'
 * writers filled: one project of the caller's tenant, a memory of another project, a superseded
 * one, and a caller of another tenant who must see nothing.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class MemorySearchApiIT {

  private static final String TENANT = "it-" + UUID.randomUUID();
  private static final String PROJECT = "p-" + UUID.randomUUID().toString().substring(0, 8);
  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  private static QueryClient reader;
  private static QueryClient stranger;
  private static QueryClient anonymous;

  @BeforeAll
  static void seed(RunningQuerySide app) throws IOException {
    MemoryStored flyway =
        stored(
            PROJECT,
            "flyway",
            "Database migrations use Flyway; a failed script is fixed"
                + " forward with a new script, never edited.",
            "db");
    MemoryStored okhttp =
        stored(
            PROJECT, "okhttp", "The HTTP client retries idempotent requests three times.", "http");
    MemoryStored standup = stored(PROJECT, "standup", "Standup is at 9:30 in the small room.");
    MemoryStored liquibase =
        stored(PROJECT, "liquibase", "Migrations used Liquibase XML changelogs.", "db");
    MemoryStored elsewhere =
        stored("p-elsewhere", "alembic", "Database migrations here use Alembic.", "db");
    MemorySearchIndexWriter writer =
        new MemorySearchIndexWriter(
            app.elasticsearch(), app.memoryIndex(), new MemoryDocuments(app.embedder()));
    writer.onMemoryEvents(
        List.of(flyway, okhttp, standup, liquibase, elsewhere).stream()
            .map(e -> new SequencedMemoryEvent(e, 0))
            .toList());
    writer.on(new MemorySuperseded(header(PROJECT), "liquibase", "flyway", "moved to Flyway"), 1);
    new MemoryCassandraWriter(app.cassandra(), Clock.systemUTC())
        .apply(
            new ReadModelEvent(
                new MemoryRelationAdded(
                    header(PROJECT), "r1", "flyway", "okhttp", RelationType.RELATED_TO, 0.5f),
                1,
                "it"));
    app.elasticsearch().indices().refresh(r -> r.index(app.memoryIndex()));
    reader = app.as(app.newKey(TENANT, PROJECT, ApiKeyScope.MEMORY_READ));
    stranger = app.as(app.newKey("it-other-" + UUID.randomUUID(), PROJECT, ApiKeyScope.ADMIN));
    anonymous = app.as(null);
  }

  @Test
  void aHybridSearchFindsTheParaphraseAndExplainsTheHit() {
    var answer =
        reader.post(
            "/v1/memories/search", "{\"query\": \"how do we handle a broken db migration\"}");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.get("mode").asText()).isEqualTo("hybrid");
    JsonNode top = body.get("hits").get(0);
    assertThat(top.get("memoryId").asText()).isEqualTo("flyway");
    // Hybrid asks the keyword side for most of what the question is about ("handle broken db
    // migration"), which the memory does not say in those words: only its meaning found it.
    assertThat(top.get("matchedBy").asText()).isEqualTo("SEMANTIC");
    assertThat(top.get("explanation").get("semanticRank").asInt()).isEqualTo(1);
    assertThat(top.get("explanation").get("fusedScore").asDouble())
        .isEqualTo(top.get("score").asDouble());
    assertThat(top.get("memory").get("content").asText()).contains("Flyway");
    assertThat(top.get("memory").get("createdAt").asText()).isEqualTo("2026-11-01T10:00:00Z");
    assertThat(ids(body)).doesNotContain("alembic", "liquibase");

    JsonNode named =
        reader
            .post("/v1/memories/search", "{\"query\": \"why did the Flyway script fail?\"}")
            .json()
            .get("hits")
            .get(0);
    assertThat(named.get("memoryId").asText()).isEqualTo("flyway");
    assertThat(named.get("matchedBy").asText()).isEqualTo("BOTH");
  }

  @Test
  void aSupersededMemoryComesBackOnlyWhenAskedFor() {
    String query = "{\"query\": \"Liquibase changelogs\", \"mode\": \"keyword\"";

    assertThat(ids(reader.post("/v1/memories/search", query + "}").json()))
        .doesNotContain("liquibase");
    JsonNode hits =
        reader.post("/v1/memories/search", query + ", \"includeSuperseded\": true}").json();
    assertThat(ids(hits)).contains("liquibase");
  }

  @Test
  void filtersAndWeightingGoThroughTheBody() {
    JsonNode body =
        reader
            .post(
                "/v1/memories/search",
                "{\"query\": \"retries migrations\", \"tags\": [\"http\"], \"k\": 5,"
                    + " \"recencyHalfLife\": \"P30D\", \"accessWeight\": 0.5}")
            .json();

    assertThat(ids(body)).containsExactly("okhttp");
    JsonNode why = body.get("hits").get(0).get("explanation");
    assertThat(why.get("recencyFactor").asDouble()).isBetween(0.0, 1.0);
    assertThat(why.get("accessFactor").asDouble()).isEqualTo(1.0);
  }

  @Test
  void badSearchesAre422NamingTheField() {
    assertInvalid("{\"query\": \"x\", \"k\": 0}", "k");
    assertInvalid("{\"query\": \"x\", \"k\": 101}", "k");
    assertInvalid("{\"query\": \"x\", \"mode\": \"fuzzy\"}", "mode");
    assertInvalid("{\"query\": \"x\", \"type\": \"NOPE\"}", "type");
    assertInvalid("{\"query\": \"x\", \"recencyHalfLife\": \"a week\"}", "recencyHalfLife");
    assertInvalid("{\"query\": \"x\", \"accessWeight\": 11}", "accessWeight");
    assertInvalid(
        "{\"query\": \"x\", \"from\": \"2026-11-02T00:00:00Z\", \"to\": \"2026-11-01T00:00:00Z\"}",
        "from");
    assertInvalid("{\"k\": 3}", "query");
  }

  @Test
  void theRelatedGraphHasTheRelationAndTheNearestMemory() {
    var answer = reader.get("/v1/memories/flyway/related?depth=2&neighbours=1");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode graph = answer.json();
    assertThat(graph.get("rootId").asText()).isEqualTo("flyway");
    List<String> nodes = field(graph.get("nodes"), "memoryId");
    assertThat(nodes).contains("flyway", "okhttp").doesNotContain("alembic");
    JsonNode relation = find(graph.get("edges"), "kind", "RELATION");
    assertThat(relation.get("from").asText()).isEqualTo("flyway");
    assertThat(relation.get("to").asText()).isEqualTo("okhttp");
    assertThat(relation.get("relationType").asText()).isEqualTo("RELATED_TO");
    assertThat(find(graph.get("edges"), "kind", "SIMILAR").get("similarity").asDouble())
        .isPositive();
  }

  @Test
  void badGraphRequestsAre422AndForeignOrUnknownMemoriesAre404() {
    assertThat(reader.get("/v1/memories/flyway/related?depth=4").json().get("field").asText())
        .isEqualTo("depth");
    var badType = reader.get("/v1/memories/flyway/related?types=LIKES");
    assertThat(badType.status()).isEqualTo(422);
    assertThat(badType.json().get("field").asText()).isEqualTo("types");
    assertThat(reader.get("/v1/memories/nothing/related").status()).isEqualTo(404);
    assertThat(reader.get("/v1/memories/alembic/related").status()).isEqualTo(404);
    assertThat(stranger.get("/v1/memories/flyway/related").status()).isEqualTo(404);
  }

  @Test
  void categoriesCountTheActiveMemoriesOfTheProject() {
    var answer = reader.get("/v1/memories/categories?clusters=2&examples=2");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode categories = answer.json();
    assertThat(categories.get("memoriesInScope").asLong()).isEqualTo(3);
    assertThat(field(categories.get("tags"), "tag")).containsExactlyInAnyOrder("db", "http");
    assertThat(categories.get("clusters")).hasSize(2);
    assertThat(categories.get("sample").get("complete").asBoolean()).isTrue();
    var bad = reader.get("/v1/memories/categories?clusters=1");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("field").asText()).isEqualTo("clusters");
  }

  @Test
  void anotherTenantFindsNothingAndNoKeyIs401() {
    JsonNode body =
        stranger.post("/v1/memories/search", "{\"query\": \"Flyway migrations\"}").json();
    assertThat(body.get("hits")).isEmpty();
    assertThat(stranger.get("/v1/memories/categories").json().get("memoriesInScope").asLong())
        .isZero();
    assertThat(anonymous.post("/v1/memories/search", "{\"query\": \"x\"}").status()).isEqualTo(401);
  }

  private static void assertInvalid(String body, String field) {
    var answer = reader.post("/v1/memories/search", body);
    assertThat(answer.status()).as(body + " -> " + answer).isEqualTo(422);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().get("field").asText()).as(body).isEqualTo(field);
  }

  private static List<String> ids(JsonNode body) {
    return field(body.get("hits"), "memoryId");
  }

  private static List<String> field(JsonNode array, String name) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(name).asText()).toList();
  }

  private static JsonNode find(JsonNode array, String name, String value) {
    return StreamSupport.stream(array.spliterator(), false)
        .filter(n -> value.equals(n.get(name).asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + "=" + value + " in " + array));
  }

  private static EventHeader header(String project) {
    return new EventHeader(
        UUID.randomUUID().toString(), T0, TENANT, project, "agent-1", "session-1", null, "it");
  }

  private static MemoryStored stored(String project, String id, String content, String... tags) {
    return new MemoryStored(
        header(project),
        id,
        "c1",
        MemoryType.FACT,
        content,
        "sha256:" + id,
        new ArrayList<>(List.of(tags)),
        Map.of(),
        0.9f,
        null,
        null);
  }
}
