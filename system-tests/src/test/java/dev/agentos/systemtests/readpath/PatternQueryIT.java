package dev.agentos.systemtests.readpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.query.it.QueryClient;
import dev.agentos.query.it.QuerySideExtension;
import dev.agentos.query.it.RunningQuerySide;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/patterns} and {@code GET /v1/patterns/{id}} over HTTP, from snapshots the
 * projections' patterns writer wrote to the real Cassandra read model, in a random tenant: every
 * filter, paging, reading by id, another project's pattern unseen, and bad filters refused by name.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class PatternQueryIT {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private static PatternSeed seed;
  private static QueryClient reader;
  private static QueryClient admin;
  private static QueryClient memoryReader;

  @BeforeAll
  static void seed(RunningQuerySide app) {
    seed = new PatternSeed(app.cassandra());
    seed.error("p1", "pat-a", "python", PatternStatus.NEW, T0.plusSeconds(600));
    seed.error("p1", "pat-b", "java", PatternStatus.RECURRING, T0.plusSeconds(1200));
    seed.error("p1", "pat-c", "python", PatternStatus.RISING, T0.plusSeconds(1800));
    seed.success("p1", "pat-d", "python", PatternStatus.RECURRING, T0.plusSeconds(2400), 10);
    seed.success("p1", "pat-e", null, PatternStatus.NEW, T0.plusSeconds(300), 16);
    seed.error("p2", "pat-x", "python", PatternStatus.RISING, T0.plusSeconds(3000));
    reader = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.QUERY_READ));
    admin = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.ADMIN));
    memoryReader = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.MEMORY_READ));
  }

  private static List<String> ids(QueryClient client, String query) {
    var answer = client.get("/v1/patterns" + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return ids(answer.json());
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(p -> ids.add(p.get("patternId").asText()));
    return ids;
  }

  @Test
  void theListHoldsTheKeysProjectsPatternsInIdOrderAndNoOtherProjects() {
    assertThat(ids(reader, "")).containsExactly("pat-a", "pat-b", "pat-c", "pat-d", "pat-e");
    assertThat(ids(admin, "?projectId=p2")).containsExactly("pat-x");
  }

  @Test
  void eachFilterNarrowsTheList() {
    assertThat(ids(reader, "?kind=SUCCESS")).containsExactly("pat-d", "pat-e");
    assertThat(ids(reader, "?language=python")).containsExactly("pat-a", "pat-c", "pat-d");
    assertThat(ids(reader, "?since=2026-12-01T10:20:00Z"))
        .as("last seen at or after since")
        .containsExactly("pat-b", "pat-c", "pat-d");
    assertThat(ids(reader, "?status=RISING")).containsExactly("pat-c");
    assertThat(ids(reader, "?kind=ERROR&language=python&status=NEW")).containsExactly("pat-a");
  }

  @Test
  void pagesFollowEachOtherByCursorUntilANullOne() {
    var first = reader.get("/v1/patterns?limit=2");
    assertThat(ids(first.json())).containsExactly("pat-a", "pat-b");
    var second = reader.get("/v1/patterns?limit=2&cursor=" + cursor(first.json()));
    assertThat(ids(second.json())).containsExactly("pat-c", "pat-d");
    var last = reader.get("/v1/patterns?limit=2&cursor=" + cursor(second.json()));
    assertThat(ids(last.json())).containsExactly("pat-e");
    assertThat(last.json().hasNonNull("nextCursor")).isFalse();

    var filtered = reader.get("/v1/patterns?language=python&limit=2");
    assertThat(ids(filtered.json())).containsExactly("pat-a", "pat-c");
    var rest = reader.get("/v1/patterns?language=python&limit=2&cursor=" + cursor(filtered.json()));
    assertThat(ids(rest.json())).containsExactly("pat-d");
    assertThat(rest.json().hasNonNull("nextCursor")).isFalse();
  }

  @Test
  void aPatternByIdHasEveryFieldInCamelCaseWithIsoInstants() {
    var error = reader.get("/v1/patterns/pat-c");
    assertThat(error.status()).as(error.toString()).isEqualTo(200);
    JsonNode p = error.json();
    assertThat(p.get("patternId").asText()).isEqualTo("pat-c");
    assertThat(p.get("projectId").asText()).isEqualTo("p1");
    assertThat(p.get("kind").asText()).isEqualTo("ERROR");
    assertThat(p.get("status").asText()).isEqualTo("RISING");
    assertThat(p.get("language").asText()).isEqualTo("python");
    assertThat(p.get("errorType").asText()).isEqualTo("ModuleNotFoundError");
    assertThat(p.get("topFrames")).hasSize(2);
    assertThat(p.get("examples").get(0).get("eventId").asText()).isEqualTo("ev-pat-c");
    assertThat(p.get("examples").get(0).get("excerpt").asText()).isEqualTo("excerpt of pat-c");
    assertThat(p.get("occurrences").asLong()).isEqualTo(8);
    assertThat(p.get("recentOccurrences").asLong()).isEqualTo(5);
    assertThat(p.get("agentsAffected").asInt()).isEqualTo(2);
    assertThat(p.get("sessionsAffected").asInt()).isEqualTo(3);
    assertThat(p.get("lastSeenAt").asText()).isEqualTo("2026-12-01T10:30:00Z");
    assertThat(p.get("firstSeenAt").asText()).isEqualTo("2026-12-01T09:30:00Z");
    assertThat(p.hasNonNull("successRate")).as("ERROR patterns have none").isFalse();

    JsonNode success = reader.get("/v1/patterns/pat-d").json();
    assertThat(success.get("support").asLong()).isEqualTo(10);
    assertThat(success.get("successRate").asDouble()).isEqualTo(0.8);
  }

  @Test
  void anotherProjectsPatternIsNotFoundAsAnUnknownOneIs() {
    var other = reader.get("/v1/patterns/pat-x");
    var unknown = reader.get("/v1/patterns/pat-none");

    assertThat(other.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(other.header("Content-Type")).startsWith("application/problem+json");
    assertThat(other.json().get("title")).isEqualTo(unknown.json().get("title"));
    assertThat(ids(reader, "")).doesNotContain("pat-x");
    assertThat(reader.get("/v1/patterns?projectId=p2").status())
        .as("a key bound to p1 asking for p2")
        .isEqualTo(403);
    assertThat(admin.get("/v1/patterns/pat-x?projectId=p2").status()).isEqualTo(200);
  }

  @Test
  void aFilterThatDoesNotParseIsRefusedNamingIt() {
    assertRefused("?kind=BOTH", "kind");
    assertRefused("?status=FALLING", "status");
    assertRefused("?since=yesterday", "since");
    assertRefused("?limit=0", "limit");
    assertRefused("?cursor=" + URLEncoder.encode("not a cursor", StandardCharsets.UTF_8), "cursor");
  }

  @Test
  void patternsWantTheQueryReadScope() {
    assertThat(memoryReader.get("/v1/patterns").status()).isEqualTo(403);
  }

  private static void assertRefused(String query, String parameter) {
    var answer = reader.get("/v1/patterns" + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().get("field").asText()).isEqualTo(parameter);
  }

  private static String cursor(JsonNode page) {
    return URLEncoder.encode(page.get("nextCursor").asText(), StandardCharsets.UTF_8);
  }
}
