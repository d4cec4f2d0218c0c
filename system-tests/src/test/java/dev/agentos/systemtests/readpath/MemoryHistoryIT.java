package dev.agentos.systemtests.readpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.it.QueryClient;
import dev.agentos.query.it.QuerySideExtension;
import dev.agentos.query.it.RunningQuerySide;
import dev.agentos.readmodels.history.MemoryHistoryReader;
import dev.agentos.schemas.fixtures.MemoryEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Memory history and asOf over HTTP, from events the projections' history writer wrote to the real
 * Cassandra read model, under random aggregate ids and a random tenant.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class MemoryHistoryIT {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static final String TENANT = "it-history-" + UUID.randomUUID();
  private static final MemoryEvents GONE = new MemoryEvents(TENANT, UUID.randomUUID().toString());
  private static final MemoryEvents KEPT = new MemoryEvents(TENANT, UUID.randomUUID().toString());

  /** Another tenant's memory under KEPT's id: ids are unique per tenant only. */
  private static final MemoryEvents TWIN =
      new MemoryEvents("it-twin-" + UUID.randomUUID(), KEPT.memoryId);

  private static QueryClient reader;
  private static QueryClient stranger;
  private static QueryClient twin;
  private static MemoryHistoryReader history;

  @BeforeAll
  static void writeEvents(RunningQuerySide app) {
    HistorySeed store = new HistorySeed(app.cassandra());
    store.append(
        GONE.stored(T0, "first"),
        GONE.updated(T0.plusSeconds(1), "second"),
        GONE.related(T0.plusSeconds(2), "r1", KEPT.memoryId),
        GONE.unrelated(T0.plusSeconds(3), "r1", KEPT.memoryId),
        GONE.superseded(T0.plusSeconds(4), KEPT.memoryId),
        GONE.deleted(T0.plusSeconds(5)));
    store.append(
        KEPT.stored(T0.plusSeconds(10), "kept first"),
        KEPT.updated(T0.plusSeconds(20), "kept second"));
    store.append(TWIN.stored(T0.plusSeconds(30), "twin's own"));
    reader = app.as(app.newKey(TENANT, "p1", ApiKeyScope.MEMORY_READ));
    twin = app.as(app.newKey(TWIN.tenant, "p1", ApiKeyScope.MEMORY_READ));
    stranger = app.as(app.newKey("it-other-" + UUID.randomUUID(), "p1", ApiKeyScope.ADMIN));
    history = app.bean(MemoryHistoryReader.class);
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.path(field).asText(null)));
    return values;
  }

  @Test
  void theHistoryListsEveryVersionOldestFirstAndADeletedMemoryKeepsIt() {
    var answer = reader.get("/v1/memories/" + GONE.memoryId + "/history");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode versions = answer.json();
    assertThat(texts(versions, "eventType"))
        .containsExactly(
            "MemoryStored",
            "MemoryUpdated",
            "MemoryRelationAdded",
            "MemoryRelationRemoved",
            "MemorySuperseded",
            "MemoryDeleted");
    assertThat(texts(versions, "version")).containsExactly("0", "1", "2", "3", "4", "5");
    assertThat(texts(versions, "status"))
        .containsExactly("ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "SUPERSEDED", "DELETED");
    assertThat(texts(versions, "content"))
        .containsExactly("first", "second", "second", "second", "second", "second");
    assertThat(versions.get(0).get("agentId").asText()).isEqualTo("writer");
    assertThat(versions.get(0).get("sessionId").asText()).isEqualTo("s1");
    assertThat(versions.get(1).get("agentId").asText()).isEqualTo("editor");
    assertThat(versions.get(1).get("occurredAt").asText()).isEqualTo("2026-03-01T10:00:01Z");
    assertThat(versions.get(2).get("relations").get(0).get("toMemoryId").asText())
        .isEqualTo(KEPT.memoryId);
    assertThat(versions.get(3).get("relations")).isEmpty();
    assertThat(versions.get(4).get("supersededBy").asText()).isEqualTo(KEPT.memoryId);
    assertThat(texts(versions, "eventId")).doesNotContainNull().doesNotHaveDuplicates();
  }

  @Test
  void asOfAnswersTheMemoryAsItWasThen() {
    var first = reader.get("/v1/memories/" + KEPT.memoryId + "?asOf=2026-03-01T10:00:15Z");
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().get("content").asText()).isEqualTo("kept first");
    assertThat(first.json().get("version").asLong()).isZero();
    assertThat(first.header("ETag")).isEqualTo("\"0\"");

    var exactlyAtTheUpdate =
        reader.get("/v1/memories/" + KEPT.memoryId + "?asOf=2026-03-01T10:00:20Z");
    assertThat(exactlyAtTheUpdate.json().get("content").asText()).isEqualTo("kept second");
    assertThat(exactlyAtTheUpdate.json().get("type").asText()).isEqualTo("DECISION");

    var superseded = reader.get("/v1/memories/" + GONE.memoryId + "?asOf=2026-03-01T10:00:04.5Z");
    assertThat(superseded.json().get("state").asText()).isEqualTo("SUPERSEDED");
    assertThat(superseded.json().get("supersededBy").asText()).isEqualTo(KEPT.memoryId);
  }

  @Test
  void beforeTheFirstEventOrAfterDeletionTheMemoryIsNotFound() {
    var before = reader.get("/v1/memories/" + KEPT.memoryId + "?asOf=2026-03-01T10:00:09Z");
    assertThat(before.status()).isEqualTo(404);
    assertThat(before.header("Content-Type")).startsWith("application/problem+json");

    var deleted = reader.get("/v1/memories/" + GONE.memoryId + "?asOf=2026-03-01T11:00:00Z");
    assertThat(deleted.status()).isEqualTo(404);
    assertThat(deleted.json().get("detail").asText()).contains("deleted");
  }

  @Test
  void anotherTenantSeesNoHistoryAndNoPast() {
    assertThat(stranger.get("/v1/memories/" + KEPT.memoryId + "/history").status()).isEqualTo(404);
    assertThat(
            stranger.get("/v1/memories/" + KEPT.memoryId + "?asOf=2026-03-02T00:00:00Z").status())
        .isEqualTo(404);
    assertThat(history.versions("it-other-tenant", KEPT.memoryId)).isEmpty();
    assertThat(history.versions(TENANT, KEPT.memoryId)).hasSize(2);
    assertThat(reader.get("/v1/memories/" + UUID.randomUUID() + "/history").status())
        .isEqualTo(404);
  }

  @Test
  void twoTenantsWithOneMemoryIdEachSeeTheirOwnHistoryOnly() {
    var own = twin.get("/v1/memories/" + TWIN.memoryId + "/history");
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    assertThat(texts(own.json(), "content")).containsExactly("twin's own");

    var theirs = reader.get("/v1/memories/" + KEPT.memoryId + "/history");
    assertThat(texts(theirs.json(), "content")).containsExactly("kept first", "kept second");

    var past = twin.get("/v1/memories/" + TWIN.memoryId + "?asOf=2026-03-01T10:00:35Z");
    assertThat(past.status()).as(past.toString()).isEqualTo(200);
    assertThat(past.json().get("content").asText()).isEqualTo("twin's own");
    assertThat(twin.get("/v1/memories/" + TWIN.memoryId + "?asOf=2026-03-01T10:00:25Z").status())
        .isEqualTo(404);
  }

  @Test
  void anInstantThatDoesNotParseIsA422NamingAsOf() {
    var answer = reader.get("/v1/memories/" + KEPT.memoryId + "?asOf=yesterday");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
    assertThat(answer.json().toString()).contains("asOf");
  }
}
