package dev.agentos.systemtests.readpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.query.it.QueryClient;
import dev.agentos.query.it.QuerySideExtension;
import dev.agentos.query.it.RunningQuerySide;
import dev.agentos.readmodels.memory.ListIndexes;
import dev.agentos.readmodels.memory.MemorySchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reads memories over HTTP from a read model the projections' writers filled: by id, listed with
 * every filter and page by page, and never across tenants.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class MemoryQueryIT {

  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  private static ReadModelSeed seed;
  private static QueryClient reader;
  private static QueryClient stranger;

  @BeforeAll
  static void seed(RunningQuerySide app) {
    seed = new ReadModelSeed(app);
    seed.memoryBy("m1", "c1", MemoryType.FACT, T0.plusSeconds(1), "a1", "s1", "java");
    seed.memoryBy("m2", "c1", MemoryType.DECISION, T0.plusSeconds(2), "a1", "s2", "java", "db");
    seed.memoryBy("m3", "c1", MemoryType.FACT, T0.plusSeconds(3), "a2", "s1", "db");
    seed.memoryBy("m4", "c2", MemoryType.FACT, T0.plusSeconds(4), "a2", "s2", "java", "db");
    seed.memoryBy("m5", "c2", MemoryType.FACT, T0.plusSeconds(5), "a1", "s1");
    seed.memory("gone", "c1", MemoryType.FACT, T0.plusSeconds(6));
    seed.deleted("gone", T0.plusSeconds(7));
    seed.memory("old", "c1", MemoryType.FACT, T0.plusSeconds(8));
    seed.memory("new", "c1", MemoryType.FACT, T0.plusSeconds(9));
    seed.superseded("old", "new", T0.plusSeconds(10));
    reader = app.as(app.newKey(seed.tenant, seed.project, ApiKeyScope.MEMORY_READ));
    stranger = app.as(app.newKey("it-other-tenant", seed.project, ApiKeyScope.ADMIN));
  }

  /**
   * What a rebuild does to the list indexes (ADR 0007), on the application's own keyspace: the
   * statements it prepared before are refused by Cassandra once the indexes are gone, and answered
   * again once they are back.
   */
  @Test
  void aListByTypeOrTagWhileItsIndexesAreRebuiltIsA503ThatSaysSoAndOtherListsStillWork(
      RunningQuerySide app) throws InterruptedException {
    assertThat(ids("/v1/memories?type=DECISION")).containsExactly("m2"); // prepared, indexed
    ListIndexes indexes =
        new ListIndexes(
            MemorySchema.singleNode(app.cassandra().getKeyspace().orElseThrow().asInternal()));
    indexes.drop(app.cassandra());
    try {
      for (String filtered : List.of("/v1/memories?type=DECISION", "/v1/memories?tags=db")) {
        var refused = reader.get(filtered);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("30");
        assertThat(refused.json().get("detail").asText())
            .contains("memory lists by type/tag are being rebuilt");
      }
      assertThat(ids("/v1/memories?sessionId=s1")).containsExactly("m5", "m3", "m1");
    } finally {
      Instant deadline = Instant.now().plusSeconds(60);
      while (!indexes.ensureQueryable(app.cassandra()) && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
    }
    assertThat(ids("/v1/memories?type=DECISION")).containsExactly("m2");
    assertThat(ids("/v1/memories?tags=db")).containsExactly("m4", "m3", "m2");
  }

  @Test
  void aMemoryIsReadByIdWithItsVersionAsETag() {
    var answer = reader.get("/v1/memories/m2");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode m = answer.json();
    assertThat(m.get("id").asText()).isEqualTo("m2");
    assertThat(m.get("contextId").asText()).isEqualTo("c1");
    assertThat(m.get("type").asText()).isEqualTo("DECISION");
    assertThat(m.get("agentId").asText()).isEqualTo("a1");
    assertThat(m.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(m.get("metadata").get("file").asText()).isEqualTo("m2.java");
    assertThat(m.get("createdAt").asText()).isEqualTo("2026-11-01T10:00:02Z");
    assertThat(answer.header("ETag")).isEqualTo("\"" + m.get("version").asLong() + "\"");
  }

  @Test
  void aSupersededMemoryIsReadWithWhatReplacedItAndADeletedOneIsGone() {
    var old = reader.get("/v1/memories/old");
    assertThat(old.json().get("state").asText()).isEqualTo("SUPERSEDED");
    assertThat(old.json().get("supersededBy").asText()).isEqualTo("new");

    var gone = reader.get("/v1/memories/gone");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().get("detail").asText()).contains("deleted");
    assertThat(reader.get("/v1/memories/never-stored").status()).isEqualTo(404);
  }

  @Test
  void anotherTenantsMemoryIsNotFoundNotForbidden() {
    var answer = stranger.get("/v1/memories/m1");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(stranger.get("/v1/memories?projectId=" + seed.project).json().get("items"))
        .isEmpty();
    assertThat(stranger.get("/v1/memories?contextId=c1").json().get("items")).isEmpty();
  }

  @Test
  void aKeyBoundToAnotherProjectOfTheTenantReadsNothingOfThisOne(RunningQuerySide app) {
    var neighbour = app.as(app.newKey(seed.tenant, "it-other-project", ApiKeyScope.MEMORY_READ));

    assertThat(neighbour.get("/v1/memories/m1").status()).isEqualTo(404);
    assertThat(neighbour.get("/v1/memories/m1/history").status()).isEqualTo(404);
    assertThat(neighbour.get("/v1/contexts/c1").status()).isEqualTo(404);
    assertThat(neighbour.get("/v1/memories?contextId=c1").json().get("items")).isEmpty();
    var asked = neighbour.get("/v1/memories?projectId=" + seed.project);
    assertThat(asked.status()).isEqualTo(403);
    assertThat(asked.json().get("detail").asText())
        .contains("it-other-project")
        .contains(seed.project);

    // An ADMIN key of the tenant reads every project of it.
    var admin = app.as(app.newKey(seed.tenant, "it-other-project", ApiKeyScope.ADMIN));
    assertThat(admin.get("/v1/memories/m1").status()).isEqualTo(200);
    assertThat(admin.get("/v1/memories?projectId=" + seed.project).json().get("items"))
        .isNotEmpty();
  }

  @Test
  void aKeyIsRequiredAndMustHoldTheReadScope(RunningQuerySide app) {
    var anonymous = app.as(null).get("/v1/memories/m1");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");

    assertThat(app.as("aos_not-a-key").get("/v1/memories/m1").status()).isEqualTo(401);

    String writer = app.newKey(seed.tenant, seed.project, ApiKeyScope.EVENTS_WRITE);
    var forbidden = app.as(writer).get("/v1/memories/m1");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.json().get("detail").asText()).contains("MEMORY_READ");
  }

  @Test
  void aRevokedOrExpiredKeyIsUnauthenticated(RunningQuerySide app) {
    String revoked = app.newKey(seed.tenant, seed.project, ApiKeyScope.MEMORY_READ);
    app.revoke(revoked);
    String expired =
        app.newKey(
            seed.tenant, seed.project, Instant.now().minusSeconds(60), ApiKeyScope.MEMORY_READ);

    assertThat(app.as(revoked).get("/v1/memories/m1").status()).isEqualTo(401);
    var answer = app.as(expired).get("/v1/memories/m1");
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().get("detail").asText()).contains("revoked or expired");
  }

  @Test
  void asOfIsAnsweredFromTheHistoryNotTheCurrentMemoryRows() {
    // m1 exists only in the seeded memory rows, never in the history (MemoryHistoryIT has both).
    var answer = reader.get("/v1/memories/m1?asOf=2026-11-01T10:00:05Z");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().get("detail").asText()).contains("as of");
  }

  @Test
  void theKeysProjectIsListedNewestFirstWithoutDeletedOrSupersededMemories() {
    assertThat(ids("/v1/memories")).containsExactly("new", "m5", "m4", "m3", "m2", "m1");
  }

  @Test
  void everyFilterNarrowsTheList() {
    assertThat(ids("/v1/memories?contextId=c2")).containsExactly("m5", "m4");
    assertThat(ids("/v1/memories?type=DECISION")).containsExactly("m2");
    assertThat(ids("/v1/memories?tags=java")).containsExactly("m4", "m2", "m1");
    assertThat(ids("/v1/memories?tags=java,db")).containsExactly("m4", "m2");
    assertThat(ids("/v1/memories?tags=db&tags=java&contextId=c1")).containsExactly("m2");
    assertThat(ids("/v1/memories?agentId=a2")).containsExactly("m4", "m3");
    assertThat(ids("/v1/memories?sessionId=s1&type=FACT")).containsExactly("m5", "m3", "m1");
    assertThat(ids("/v1/memories?from=2026-11-01T10:00:02Z&to=2026-11-01T10:00:04Z"))
        .containsExactly("m3", "m2");
    assertThat(ids("/v1/memories?projectId=" + seed.project + "&contextId=c1&agentId=a1"))
        .containsExactly("m2", "m1");
  }

  @Test
  void pagesFollowTheCursorToTheEndWithTheSameFilters() {
    List<String> seen = new ArrayList<>();
    String path = "/v1/memories?limit=2&sessionId=s1";
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = reader.get(path + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.get("items").forEach(item -> seen.add(item.get("id").asText()));
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(seen).containsExactly("m5", "m3", "m1");
    assertThat(pages).isEqualTo(2);
  }

  @Test
  void badParametersAre422NamingTheField() {
    assertInvalid("/v1/memories?cursor=not-a-cursor", "cursor");
    assertInvalid("/v1/memories?type=RUMOUR", "type");
    assertInvalid("/v1/memories?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "from");
    assertInvalid("/v1/memories?limit=0", "limit");
    assertInvalid("/v1/memories?limit=201", "limit");
    assertInvalid("/v1/memories?limit=ten", "limit");
    assertInvalid("/v1/memories?from=yesterday", "from");
    assertInvalid("/v1/memories/m1?asOf=yesterday", "asOf");
  }

  private static void assertInvalid(String path, String field) {
    var answer = reader.get(path);
    assertThat(answer.status()).as(path + " -> " + answer).isEqualTo(422);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().get("field").asText()).as(path).isEqualTo(field);
  }

  private static List<String> ids(String path) {
    var answer = reader.get(path);
    assertThat(answer.status()).as(path + " -> " + answer).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    answer.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
    assertThat(answer.json().hasNonNull("nextCursor")).as(path + " is one page").isFalse();
    return ids;
  }
}
