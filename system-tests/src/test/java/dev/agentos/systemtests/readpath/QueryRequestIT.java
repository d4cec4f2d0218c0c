package dev.agentos.systemtests.readpath;

import static dev.agentos.query.it.robustness.QueryProblems.assertInvalidField;
import static dev.agentos.query.it.robustness.QueryProblems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.ForgetReason;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.projections.memory.MemoryCassandraWriter;
import dev.agentos.projections.memory.ReadModelEvent;
import dev.agentos.query.it.QueryClient;
import dev.agentos.query.it.QuerySideExtension;
import dev.agentos.query.it.RunningQuerySide;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Malformed, careless and hostile requests to the query API: refused with a problem+json answer
 * naming the field and no Java class; and another project's deleted or expired memory is answered
 * exactly like an id nobody has.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class QueryRequestIT {

  private static final String TENANT = "it-robust-" + UUID.randomUUID();
  private static QueryClient reader;

  @BeforeAll
  static void keys(RunningQuerySide app) {
    reader = app.as(app.newKey(TENANT, "project-b", ApiKeyScope.MEMORY_READ));
  }

  @Test
  void anotherProjectsDeletedOrExpiredMemoryIsAnsweredLikeAnUnknownOne(RunningQuerySide app) {
    Instant now = Instant.now();
    String deleted = "gone-" + UUID.randomUUID();
    String expired = "stale-" + UUID.randomUUID();
    String unknown = "none-" + UUID.randomUUID();
    MemoryCassandraWriter writer = new MemoryCassandraWriter(app.cassandra(), Clock.systemUTC());
    writer.apply(
        seed(stored(deleted, now.minusSeconds(60), null), 0),
        seed(
            new MemoryDeleted(header(now.minusSeconds(30)), deleted, ForgetReason.REQUESTED, null),
            1),
        seed(stored(expired, now.minusSeconds(60), now.minusSeconds(10)), 0));

    JsonNode none = withoutId(reader.get("/v1/memories/" + unknown), unknown);
    for (String id : List.of(deleted, expired)) {
      var answer = reader.get("/v1/memories/" + id);
      assertProblem(answer, 404);
      assertThat(withoutId(answer, id)).isEqualTo(none);
    }
  }

  @Test
  void aSearchBodyOverTheLimitIs413() {
    String huge = "{\"query\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}";
    assertProblem(reader.post("/v1/memories/search", huge), 413);
  }

  @Test
  void anUnknownFieldIsRefusedNotIgnored() {
    assertInvalidField(
        reader.post("/v1/memories/search", "{\"query\":\"q\",\"tenantId\":\"someone-else\"}"),
        "tenantId");
  }

  @Test
  void numbersAreNumbersAndIntegersAreWhole() {
    assertInvalidField(reader.post("/v1/memories/search", "{\"query\":\"q\",\"k\":\"5\"}"), "k");
    assertInvalidField(reader.post("/v1/memories/search", "{\"query\":\"q\",\"k\":1.5}"), "k");
    assertInvalidField(
        reader.post("/v1/memories/search", "{\"query\":\"q\",\"accessWeight\":\"0.5\"}"),
        "accessWeight");
    assertInvalidField(
        reader.post("/v1/memories/search", "{\"query\":\"q\",\"includeDeleted\":\"yes\"}"),
        "includeDeleted");
    assertInvalidField(reader.post("/v1/memories/search", "{\"query\":7}"), "query");
  }

  @Test
  void malformedBodiesAre400WithoutJavaNames() {
    assertProblem(reader.post("/v1/memories/search", "[]"), 400);
    assertProblem(reader.post("/v1/memories/search", "{\"query\":\"q\"} trailing"), 400);
    assertProblem(reader.post("/v1/memories/search", "{\"query\":\"a\",\"query\":\"b\"}"), 400);
    int depth = 5000;
    // Reading stops at the first value of the wrong shape, long before the depth would tell.
    assertInvalidField(
        reader.post(
            "/v1/memories/search",
            "{\"query\":\"q\",\"tags\":" + "[".repeat(depth) + "]".repeat(depth) + "}"),
        "tags[0]");
    assertInvalidField(reader.post("/v1/memories/search", "{\"query\":\"\\ud800\"}"), "query");
    assertInvalidField(reader.post("/v1/memories/search", "{\"query\":\"a\\u0000\"}"), "query");
  }

  @Test
  void anInvalidSessionIdInAHeaderOrThePathIs422NamingIt() {
    for (String value : List.of("a b c", "..", "s".repeat(7000))) {
      assertInvalidField(
          reader.get("/v1/memories/whatever", Map.of("X-Session-Id", value)), "X-Session-Id");
    }
    assertInvalidField(reader.get("/v1/sessions/a%20b%20c/context"), "sessionId");
  }

  @Test
  void whatTomcatRefusesBeforeTheApplicationIsProblemJsonToo() {
    assertProblem(reader.get("/v1/memories/a%2Fb"), 400);
    assertProblem(reader.get("/v1/memories/a%00b"), 400);
    assertProblem(reader.get("/v1/memories?tags=" + "t".repeat(100_000)), 400);
    assertProblem(reader.get("/v1/memories/x", Map.of("X-Big", "b".repeat(64 * 1024))), 400);
  }

  private static JsonNode withoutId(QueryClient.Response answer, String id) {
    ObjectNode body = (ObjectNode) answer.json();
    body.remove("instance");
    body.put("detail", body.path("detail").asText().replace(id, "<id>"));
    return body;
  }

  private static ReadModelEvent seed(SpecificRecord event, long sequence) {
    return new ReadModelEvent(event, sequence, "it");
  }

  private static MemoryStored stored(String id, Instant at, Instant expiresAt) {
    return new MemoryStored(
        header(at),
        id,
        "c1",
        MemoryType.FACT,
        "content",
        "sha256:" + id,
        List.of(),
        Map.of(),
        0.9f,
        null,
        expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS));
  }

  private static EventHeader header(Instant at) {
    return new EventHeader(
        UUID.randomUUID().toString(),
        at.truncatedTo(ChronoUnit.MILLIS),
        TENANT,
        "project-a",
        "agent-1",
        null,
        null,
        "it");
  }
}
